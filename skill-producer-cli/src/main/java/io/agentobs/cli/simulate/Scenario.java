package io.agentobs.cli.simulate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A kind of task users ask agents for: its requests, classification, best agent, typical workflow and files. All
 * runs of one scenario share a {@code fingerprint_id} and {@code task_hash}, so the same task type recurs.
 *
 * @param relatedAgents agents the router also considers, best first; one of them is picked when routing misfires
 * @param triggers      request keywords the router's reasoning quotes
 * @param complexity    typical {@code complexity_score}
 * @param weight        relative frequency among scenarios
 * @param pattern       the success pattern good runs publish, or null if this task kind has none
 */
record Scenario(String key, List<String> prompts, String taskType, String domain, String agent,
        List<String> relatedAgents, List<String> triggers, List<WorkflowStep> workflow, List<CodeFile> files,
        double complexity, double weight, KnownPattern pattern, String fingerprintId, String taskHash) {

    private static final String FINGERPRINT_NAMESPACE = "agentobs-simulate:task:";

    Scenario {
        prompts = List.copyOf(prompts);
        relatedAgents = List.copyOf(relatedAgents);
        triggers = List.copyOf(triggers);
        workflow = List.copyOf(workflow);
        files = List.copyOf(files);
        if (workflow.stream().filter(step -> !step.optional()).count() < 2) {
            throw new IllegalArgumentException("scenario " + key + " needs at least two required steps");
        }
    }

    /** Bundles {@code key}'s fixed parts; fingerprint and hash are derived from the key. */
    static Scenario of(String key, List<String> prompts, String taskType, String domain, String agent,
            List<String> relatedAgents, List<String> triggers, List<WorkflowStep> workflow, List<String> filePaths,
            double complexity, double weight, KnownPattern pattern) {
        String fingerprint = UUID.nameUUIDFromBytes((FINGERPRINT_NAMESPACE + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        List<CodeFile> files = filePaths.stream().map(CodeFile::of).toList();
        return new Scenario(key, prompts, taskType, domain, agent, relatedAgents, triggers, workflow, files,
                complexity, weight, pattern, fingerprint, sha256Hex(taskType + ":" + domain + ":" + key));
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime provides SHA-256", missing);
        }
    }
}
