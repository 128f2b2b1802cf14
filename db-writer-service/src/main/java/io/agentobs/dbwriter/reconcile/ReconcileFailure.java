package io.agentobs.dbwriter.reconcile;

/** Why a reconcile run stopped before it could compare, with the exit code that tells a script which case it was. */
public final class ReconcileFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private ReconcileFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A bad command line: unknown topic, bad time or option value. */
    public static ReconcileFailure usage(String message) {
        return new ReconcileFailure(ExitCodes.USAGE, message, null);
    }

    /** Kafka or PostgreSQL could not be reached or read; the message names which and where. */
    public static ReconcileFailure unreachable(String message, Throwable cause) {
        return new ReconcileFailure(ExitCodes.UNREACHABLE, message, cause);
    }

    /** The messages of {@code error} and its causes, each once, joined: a client's own words for a failure. */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : text.charAt(text.length() - 1) == '.' ? " " : ": ").append(message);
            }
        }
        return text.toString();
    }

    /** {@link ExitCodes#USAGE} or {@link ExitCodes#UNREACHABLE}. */
    public int exitCode() {
        return exitCode;
    }
}
