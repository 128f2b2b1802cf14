import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes N valid agent-actions events as NDJSON (one JSON object per line) for the CLI's bulk publish benchmark; kcat
 * reads the same file (one message per line) as the in-run reference. Run as a source file: java GenerateActions.java N FILE
 */
public final class GenerateActions {

    private static final String[] AGENTS = {"agent-api-architect", "agent-debug", "agent-code-reviewer",
        "agent-test-writer", "agent-docs", "agent-devops"};
    private static final String[] TOOLS = {"Read", "Write", "Edit", "Bash", "Grep", "Glob"};
    private static final String[] TYPES = {"tool_call", "tool_call", "tool_call", "decision", "success", "error"};

    public static void main(String[] args) throws IOException {
        long count = Long.parseLong(args[0]);
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20)) {
            String correlation = UUID.randomUUID().toString();
            for (long i = 0; i < count; i++) {
                if (i % 6 == 0) {
                    correlation = new UUID(random.nextLong(), random.nextLong()).toString();
                }
                String tool = TOOLS[random.nextInt(TOOLS.length)];
                String line = "{\"event_id\":\"" + new UUID(random.nextLong(), random.nextLong())
                        + "\",\"correlation_id\":\"" + correlation
                        + "\",\"agent_name\":\"" + AGENTS[random.nextInt(AGENTS.length)]
                        + "\",\"action_type\":\"" + TYPES[random.nextInt(TYPES.length)]
                        + "\",\"action_name\":\"" + tool
                        + "\",\"action_details\":{\"tool\":\"" + tool + "\",\"file\":\"src/module" + random.nextInt(50)
                        + "/Service.java\",\"lines\":" + random.nextInt(400) + "}"
                        + ",\"debug_mode\":false,\"duration_ms\":" + (5 + random.nextInt(900))
                        + ",\"timestamp\":\"" + start.plusMillis(i * 3) + "\"}\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
