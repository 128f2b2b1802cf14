package io.agentobs.cli.log;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.CliRun;
import io.agentobs.cli.UsageException;
import io.agentobs.events.codec.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The log-* commands' own argument reading builds the event picocli builds, and hands picocli everything else. */
class FastArgumentsTest {

    private static final long SEED = 0xa6e7_0b5L;
    private static final int LINES_PER_COMMAND = 400;
    private static final String GENERATED_ID = "<generated>";
    private static final JsonMapper MAPPER = EventJson.mapper();
    private static final CliContext CONTEXT = new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-03-04T05:06:07.891Z"), ZoneOffset.UTC));

    @TempDir
    Path tempDir;

    /** What a path made of a command line: the event as JSON text, or the usage error's message. */
    private record Built(String eventJson, String usageError) {
    }

    static Stream<String> everySubcommand() {
        return LogCommands.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySubcommand")
    void plainCommandLinesBuildTheEventPicocliBuilds(String command) throws Exception {
        LogCommands.Definition definition = LogCommands.find(command);
        Random random = new Random(SEED ^ command.hashCode());
        int events = 0;
        for (int line = 0; line < LINES_PER_COMMAND; line++) {
            List<String> args = plainLine(definition, random);

            Built fast = fastPath(definition, args);
            Built picocli = picocliPath(definition, args);

            assertThat(fast).as("%s %s (seed %d)", command, args, SEED).isEqualTo(picocli);
            if (fast.eventJson() != null) {
                events++;
            }
        }
        assertThat(events).as("lines that built an event").isGreaterThan(LINES_PER_COMMAND / 2);
    }

    @Test
    void everyOptionNameAndAliasIsReadLikePicocliReadsIt() throws Exception {
        for (LogCommands.Definition definition : LogCommands.definitions()) {
            for (EventField field : EventField.of(definition.topic().eventType())) {
                for (String name : LogCommands.optionNames(definition, field)) {
                    String value = sampleValue(field.kind());
                    for (List<String> args : List.of(List.of(name + "=" + value), List.of(name, value))) {
                        Built fast = fastPath(definition, args);

                        assertThat(fast).as("%s %s", definition.name(), args)
                                .isEqualTo(picocliPath(definition, args));
                        assertThat(fast.eventJson()).as("%s %s", definition.name(), args).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void booleanOptionsAloneOrWithTrueOrFalseAreReadLikePicocliReadsThem() throws Exception {
        LogCommands.Definition definition = LogCommands.find("log-router-metrics");
        List<List<String>> lines = List.of(
                List.of("--cache-hit"),
                List.of("--cache-hit", "--query", "q"),
                List.of("--query", "q", "--cache-hit"),
                List.of("--cache-hit", "true"),
                List.of("--cache-hit", "false"),
                List.of("--cache-hit", "false", "--query", "q"),
                List.of("--cache-hit=true"),
                List.of("--cache-hit=false"),
                List.of("--cache-hit=TRUE"),
                List.of("--cache-hit=yes"),
                List.of("--cache-hit=", "--query", "q"),
                List.of("--cache-hit= true "));
        for (List<String> args : lines) {
            assertThat(fastPath(definition, args)).as("%s", args).isEqualTo(picocliPath(definition, args));
        }
    }

    @Test
    void valuesWithEqualsSignsDashesAndAtSignsAfterEqualsAreReadLikePicocliReadsThem() throws Exception {
        LogCommands.Definition definition = LogCommands.find("log-action");
        List<List<String>> lines = List.of(
                List.of("--agent=a=b", "--action-name", "x=y=z"),
                List.of("--agent==leading", "--action-name", "=leading"),
                List.of("--agent=-dash", "--action-name=--double"),
                List.of("--agent=@at", "--action-name=@" + tempDir.resolve("missing")),
                List.of("--agent=", "--action-name", ""),
                List.of("--agent", "  spaced  value  ", "--action-name", "tab\tand\nnewline"),
                List.of("--agent", "ünïcödé 代理 🤖", "--details={\"ключ\":\"значение 🌍\",\"a=b\":\"-c\"}"),
                List.of("--duration-ms=-5", "--details", "{ }"),
                List.of("--duration-ms", " 42 "),
                List.of("--duration-ms=4.5"),
                List.of("--details", "[1]"),
                List.of("--details", "{not json"),
                List.of("--extra", "{\"team\":\"infra\",\"n\":[1,{\"x\":null}]}"),
                List.of("--extra={\"agent_name\":\"sneaky\"}"),
                List.of("--extra", "[]"));
        for (List<String> args : lines) {
            assertThat(fastPath(definition, args)).as("%s", args).isEqualTo(picocliPath(definition, args));
        }
    }

    /** One command line the fast path must leave to picocli, and what picocli then answers. */
    record HandOff(String description, List<String> args, int exitCode, String mentions) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<HandOff> handOffs() {
        List<String> required = List.of("--agent-name", "a", "--action-type", "decision", "--action-name", "plan");
        return Stream.of(
                new HandOff("repeated option", with(required, "--action-name", "again"), 2, "--action-name"),
                new HandOff("option and its alias", with(required, "--agent", "b"), 2, "--agent-name"),
                new HandOff("repeated option in = form", with(required, "--action-type=error"), 2,
                        "--action-type"),
                new HandOff("repeated boolean", with(required, "--debug-mode", "--debug-mode"), 2,
                        "--debug-mode"),
                new HandOff("--help", List.of("--help"), 0, "--agent-name"),
                new HandOff("-h among options", with(required, "-h"), 0, "--agent-name"),
                new HandOff("unknown option", with(required, "--nope", "x"), 2, "--nope"),
                new HandOff("unknown option in = form", with(required, "--nope=x"), 2, "--nope"),
                new HandOff("unknown short option", with(required, "-z"), 2, "-z"),
                new HandOff("positional argument", with(required, "stray"), 2, "stray"),
                new HandOff("negative number value, which validation refuses", with(required, "--duration-ms", "-5"), 2, "--duration-ms"),
                new HandOff("value that is another option", List.of("--agent-name", "--action-type", "decision",
                        "--action-name", "plan"), 2, "--agent-name"),
                new HandOff("missing value at the end", with(required, "--duration-ms"), 2, "--duration-ms"),
                new HandOff("boolean with a value other than true or false", with(required, "--debug-mode", "yes"),
                        2, "yes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handOffs")
    void linesThatAreNotPlainGoToPicocli(HandOff handOff) throws Exception {
        assertThat(LogEventCommand.plainEvent(LogCommands.find("log-action"), CONTEXT,
                handOff.args().toArray(String[]::new), MAPPER)).as("fast path event").isNull();

        CliRun run = run("log-action", handOff.args());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(handOff.exitCode());
        if (handOff.exitCode() == 0) {
            assertThat(run.stdout()).as(run.toString()).contains("Usage: agentobs log-action");
        } else {
            JsonNode result = run.json();
            assertThat(result.get("success").asBoolean()).as(run.toString()).isFalse();
            assertThat(run.stdout() + run.stderr()).as(run.toString()).contains(handOff.mentions());
        }
    }

    @Test
    void valueStartingWithDashOrAtGoesToPicocliWhichTakesItAsTheValue() throws Exception {
        LogCommands.Definition definition = LogCommands.find("log-action");
        Path argumentFile = tempDir.resolve("agent.txt");
        Files.writeString(argumentFile, "agent-from-file");
        List<String> dash = List.of("--agent", "-x", "--action-type", "decision", "--action-name", "plan");
        List<String> negative = List.of("--agent", "a", "--action-type", "decision", "--action-name", "plan",
                "--duration-ms", "-5");
        List<String> at = List.of("--agent", "@" + argumentFile, "--action-type", "decision", "--action-name",
                "plan");

        for (List<String> args : List.of(dash, negative, at)) {
            assertThat(LogEventCommand.plainEvent(definition, CONTEXT, args.toArray(String[]::new), MAPPER))
                    .as("fast path event of %s", args).isNull();
        }
        assertThat(MAPPER.readTree(picocliPath(definition, dash).eventJson()).get("agent_name").asString())
                .isEqualTo("-x");
        assertThat(MAPPER.readTree(picocliPath(definition, negative).eventJson()).get("duration_ms").asLong())
                .isEqualTo(-5);
        assertThat(MAPPER.readTree(picocliPath(definition, at).eventJson()).get("agent_name").asString())
                .isEqualTo("agent-from-file");
        for (List<String> args : List.of(dash, at)) {
            CliRun run = run("log-action", args);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.json().get("success").asBoolean()).isTrue();
        }
    }

    @Test
    void plainLineRunsWithoutPicocliAndSucceeds() {
        CliRun run = run("log-action", List.of("--agent=a", "--action-type", "decision", "--action-name", "plan",
                "--debug-mode"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("success").asBoolean()).isTrue();
    }

    private CliRun run(String command, List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(args);
        return CliRun.run(Map.of("KAFKA_BROKERS", "127.0.0.1:1", "AGENTOBS_SPOOL_DIR", tempDir.toString(),
                "AGENTOBS_SEND_TIMEOUT_MS", "200", "KAFKA_ENABLE_LOGGING", "false"), line.toArray(String[]::new));
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        return args;
    }

    private static Built fastPath(LogCommands.Definition definition, List<String> args) throws Exception {
        try {
            ObjectNode event = LogEventCommand.plainEvent(definition, CONTEXT, args.toArray(String[]::new), MAPPER);
            assertThat(event).as("%s %s is a plain line", definition.name(), args).isNotNull();
            return built(event, args);
        } catch (UsageException usage) {
            return new Built(null, usage.getMessage());
        }
    }

    private static Built picocliPath(LogCommands.Definition definition, List<String> args) throws Exception {
        CommandLine commandLine = LogEventCommand.commandLine(definition, CONTEXT);
        commandLine.parseArgs(args.toArray(String[]::new));
        LogEventCommand command = commandLine.getCommand();
        try {
            return built(command.buildEvent(MAPPER), args);
        } catch (UsageException usage) {
            return new Built(null, usage.getMessage());
        }
    }

    /** The event as text, its generated ids replaced (in place, keeping field order) unless the line gave them. */
    private static Built built(ObjectNode event, List<String> args) {
        for (String field : List.of("event_id", "correlation_id")) {
            String option = EventField.optionName(field);
            boolean given = args.stream().anyMatch(arg -> arg.equals(option) || arg.startsWith(option + "="));
            if (!given && event.has(field)) {
                event.put(field, GENERATED_ID);
            }
        }
        return new Built(MAPPER.writeValueAsString(event), null);
    }

    /** A random plain line: a random subset of the fields in random order, by any of their names, in either form. */
    private static List<String> plainLine(LogCommands.Definition definition, Random random) {
        List<EventField> fields = new ArrayList<>(EventField.of(definition.topic().eventType()));
        Collections.shuffle(fields, random);
        List<String> args = new ArrayList<>();
        int count = random.nextInt(fields.size() + 1);
        boolean extra = random.nextInt(4) == 0;
        int extraAt = random.nextInt(count + 1);
        for (int i = 0; i <= count; i++) {
            if (extra && i == extraAt) {
                addOption(args, "--extra", extraJson(random), random);
            }
            if (i == count) {
                break;
            }
            EventField field = fields.get(i);
            String[] names = LogCommands.optionNames(definition, field);
            String name = names[random.nextInt(names.length)];
            if (field.kind() == FieldKind.BOOLEAN) {
                switch (random.nextInt(5)) {
                    case 0 -> args.add(name);
                    case 1 -> args.addAll(List.of(name, "true"));
                    case 2 -> args.addAll(List.of(name, "false"));
                    case 3 -> args.add(name + "=" + (random.nextBoolean() ? "true" : "false"));
                    default -> args.add(name + "=" + pick(random, "true", "false", "TRUE", "yes", "", " true"));
                }
            } else {
                addOption(args, name, value(field, random), random);
            }
        }
        return args;
    }

    /** {@code name=value}, or {@code name value} when that is still a plain line. */
    private static void addOption(List<String> args, String name, String value, Random random) {
        if (random.nextBoolean() || value.startsWith("-") || value.startsWith("@")) {
            args.add(name + "=" + value);
        } else {
            args.add(name);
            args.add(value);
        }
    }

    private static String value(EventField field, Random random) {
        if (!field.enumValues().isEmpty() && random.nextInt(4) != 0) {
            return field.enumValues().get(random.nextInt(field.enumValues().size()));
        }
        boolean invalid = random.nextInt(15) == 0;
        return switch (field.kind()) {
            case TEXT -> text(random);
            case UUID_TEXT -> random.nextInt(10) == 0 ? text(random) : UUID.randomUUID().toString();
            case TIMESTAMP -> Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L)).toString();
            case INTEGER -> invalid ? pick(random, "abc", "1.5", "", "9223372036854775808")
                    : pick(random, Long.toString(random.nextLong(1_000_000)), Long.toString(-random.nextInt(1000)),
                            " " + random.nextInt(100) + " ", "0", Long.toString(Long.MAX_VALUE));
            case NUMBER -> invalid ? pick(random, "x", "", "1,5", "NaN")
                    : pick(random, Double.toString(random.nextDouble()), "0.92", "1e-3", "-0.5", "12",
                            " 0.25 ", "1E+2");
            case BOOLEAN -> pick(random, "true", "false");
            case JSON_OBJECT -> invalid ? pick(random, "{", "[1]", "\"text\"", "") : jsonObject(random, 2);
            case JSON_ARRAY -> invalid ? pick(random, "[", "{}", "3", "") : jsonArray(random, 2);
        };
    }

    private static String text(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "plain";
            case 1 -> "with spaces and  doubled  ";
            case 2 -> "ünïcödé 代理 🤖 emoji";
            case 3 -> "key=value=more";
            case 4 -> "=leading equals";
            case 5 -> "-leading dash";
            case 6 -> "@leading-at";
            case 7 -> "";
            case 8 -> "trailing--dashes --inside";
            case 9 -> "line\nbreak\tand tab";
            case 10 -> "\"quoted\" and \\backslash";
            default -> "agent-" + random.nextInt(1000);
        };
    }

    private static String extraJson(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"team\":\"infra\",\"ünï\":\"🤖 = -x\"}";
            case 1 -> "{}";
            case 2 -> "{\"nested\":" + jsonObject(random, 2) + ",\"list\":" + jsonArray(random, 1) + "}";
            case 3 -> "{\"correlation_id\":\"clash\"}";
            default -> "[\"not\",\"an object\"]";
        };
    }

    private static String jsonObject(Random random, int depth) {
        StringBuilder json = new StringBuilder("{ ");
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(", ");
            }
            json.append('"').append(pick(random, "k", "with space", "ключ", "a=b", "-dash", "k" + i)).append(i)
                    .append("\": ").append(jsonValue(random, depth));
        }
        return json.append(" }").toString();
    }

    private static String jsonArray(Random random, int depth) {
        StringBuilder json = new StringBuilder("[");
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(jsonValue(random, depth));
        }
        return json.append(']').toString();
    }

    private static String jsonValue(Random random, int depth) {
        int choice = random.nextInt(depth > 0 ? 8 : 6);
        return switch (choice) {
            case 0 -> "\"text with spaces\"";
            case 1 -> "\"🌍 ünï = -x @y\"";
            case 2 -> Integer.toString(random.nextInt(2000) - 1000);
            case 3 -> "0.125";
            case 4 -> random.nextBoolean() ? "true" : "null";
            case 5 -> "12345678901234567890.5";
            case 6 -> jsonObject(random, depth - 1);
            default -> jsonArray(random, depth - 1);
        };
    }

    private static String sampleValue(FieldKind kind) {
        return switch (kind) {
            case TEXT -> "some text";
            case UUID_TEXT -> "8f14e45f-ceea-467f-a0e8-2a5bd5e4d3c1";
            case TIMESTAMP -> "2026-01-02T03:04:05Z";
            case INTEGER -> "7";
            case NUMBER -> "0.5";
            case BOOLEAN -> "false";
            case JSON_OBJECT -> "{\"a\":1}";
            case JSON_ARRAY -> "[1]";
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
