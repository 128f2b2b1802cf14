package io.agentobs.consumer.health;

/** One-line description of a failure and its root cause, for health details and logs. */
final class ErrorDescriptions {

    private ErrorDescriptions() {
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String head = error.getClass().getSimpleName() + ": " + error.getMessage();
        return root == error ? head : head + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
