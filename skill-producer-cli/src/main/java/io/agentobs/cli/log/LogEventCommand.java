package io.agentobs.cli.log;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.ExitCodes;
import io.agentobs.cli.ResultPrinter;
import io.agentobs.cli.UsageException;
import io.agentobs.cli.events.EventValidation;
import io.agentobs.cli.kafka.EventProducer;
import io.agentobs.cli.kafka.ProducerSettings;
import io.agentobs.cli.send.Delivery;
import io.agentobs.cli.send.OutgoingEvent;
import io.agentobs.cli.send.SendOutcome;
import io.agentobs.cli.send.SendResult;
import io.agentobs.cli.spool.Spool;
import io.agentobs.events.codec.EventCodec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One {@code log-*} subcommand: its options are the fields of the topic's event record ({@code --agent-name},
 * {@code --action-details '{…}'}…, plus the seed's short aliases); it builds the event, generates
 * {@code event_id}, {@code correlation_id} and {@code timestamp} when absent, validates it like the consumers do and
 * publishes it keyed by the topic's partition key.
 *
 * <p>A plain command line (each option once, as {@code --name value} or {@code --name=value}) is read by
 * {@link #run} itself; anything else (help, version, unknown or repeated options, values that look like options,
 * argument files) goes to picocli through {@link #commandLine}, which reads plain command lines the same way. That
 * spares every agent action picocli's model building, tens of milliseconds in a fresh JVM.
 */
public final class LogEventCommand implements Callable<Integer> {

    /** Fields the command fills in when the caller does not. */
    private static final List<String> GENERATED = List.of("event_id", "correlation_id", "timestamp");
    private static final String EXTRA = "--extra";

    private final LogCommands.Definition definition;
    private final CliContext context;
    private final List<EventField> fields;
    private final Map<String, String> optionOfField = new HashMap<>();
    /** The options of a plain command line by first name, when {@link #run} read it; else null. */
    private Map<String, String> plainValues;
    /** The picocli model the options were read into, when picocli read them; else null. */
    private CommandSpec spec;

    private LogEventCommand(LogCommands.Definition definition, CliContext context) {
        this.definition = definition;
        this.context = context;
        this.fields = EventField.of(definition.topic().eventType());
    }

    /**
     * Runs {@code definition} with {@code args} (the subcommand's own arguments) when they form a plain command line,
     * reporting failures as the picocli path's execution handler does.
     *
     * @return the exit code, or null when picocli has to read {@code args} (nothing has been done then)
     */
    public static Integer run(LogCommands.Definition definition, CliContext context, String[] args) {
        LogEventCommand command = new LogEventCommand(definition, context);
        command.plainValues = command.plainValues(args);
        if (command.plainValues == null) {
            return null;
        }
        try {
            return command.call();
        } catch (UsageException usage) {
            return ResultPrinter.reportUsageError(context, usage);
        } catch (Exception failure) {
            return ResultPrinter.reportFailure(context, failure);
        }
    }

    /**
     * Test hook: the event {@link #run} would build from {@code args}, without validating or sending it; null when
     * {@code args} are not a plain command line (picocli reads them then).
     */
    static ObjectNode plainEvent(LogCommands.Definition definition, CliContext context, String[] args,
            JsonMapper mapper) throws UsageException {
        LogEventCommand command = new LogEventCommand(definition, context);
        command.plainValues = command.plainValues(args);
        return command.plainValues == null ? null : command.buildEvent(mapper);
    }

    /**
     * The options of a plain command line by first name, or null when picocli must decide: the arguments are all
     * known long options, each given once, as {@code --name=value} or {@code --name value} with a value not starting
     * with {@code -} or {@code @}; a true/false option stands alone (before another {@code --} option or at the end)
     * or takes {@code true} or {@code false} as its value. Picocli reads such a line the same way.
     */
    private Map<String, String> plainValues(String[] args) {
        Map<String, String> firstNames = new HashMap<>();
        Map<String, FieldKind> kinds = new HashMap<>();
        for (EventField field : fields) {
            String[] names = LogCommands.optionNames(definition, field);
            optionOfField.put(field.name(), names[0]);
            kinds.put(names[0], field.kind());
            for (String name : names) {
                firstNames.put(name, names[0]);
            }
        }
        firstNames.put(EXTRA, EXTRA);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                return null;
            }
            int equals = arg.indexOf('=');
            String firstName = firstNames.get(equals < 0 ? arg : arg.substring(0, equals));
            if (firstName == null || values.containsKey(firstName)) {
                return null;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (kinds.get(firstName) == FieldKind.BOOLEAN) {
                String next = i + 1 < args.length ? args[i + 1] : null;
                if (next == null || next.startsWith("--")) {
                    value = "true";
                } else if (next.equals("true") || next.equals("false")) {
                    value = next;
                    i++;
                } else {
                    return null;
                }
            } else {
                if (i + 1 >= args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
                    return null;
                }
                value = args[++i];
            }
            values.put(firstName, value);
        }
        return values;
    }

    /** The picocli command of {@code definition}, its options built from the event record. */
    public static CommandLine commandLine(LogCommands.Definition definition, CliContext context) {
        LogEventCommand command = new LogEventCommand(definition, context);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(definition.name()).mixinStandardHelpOptions(true);
        spec.usageMessage().description(definition.description(),
                "Publishes to " + definition.topic().topicName() + ", keyed by "
                        + definition.topic().keyField() + ". Prints one JSON result; exit 0 sent or spooled, "
                        + "1 failed, 2 invalid.")
                .sortOptions(false);
        for (EventField field : command.fields) {
            String[] names = LogCommands.optionNames(definition, field);
            command.optionOfField.put(field.name(), names[0]);
            OptionSpec.Builder option = OptionSpec.builder(names)
                    .type(String.class)
                    .paramLabel("<" + field.kind().label() + ">")
                    .description(describe(field));
            if (field.kind() == FieldKind.BOOLEAN) {
                option.arity("0..1").fallbackValue("true");
            }
            spec.addOption(option.build());
        }
        spec.addOption(OptionSpec.builder(EXTRA)
                .type(String.class)
                .paramLabel("<JSON>")
                .description("A JSON object of further fields, kept as they are (forward compatibility).")
                .build());
        command.spec = spec;
        return new CommandLine(spec);
    }

    private static String describe(EventField field) {
        StringBuilder text = new StringBuilder(field.name());
        if (GENERATED.contains(field.name())) {
            text.append(" (generated when absent)");
        } else if (field.required()) {
            text.append(" (required)");
        }
        if (!field.enumValues().isEmpty()) {
            text.append(": one of ").append(String.join(", ", field.enumValues()));
        } else if (field.kind() == FieldKind.JSON_OBJECT || field.kind() == FieldKind.JSON_ARRAY) {
            text.append(field.kind() == FieldKind.JSON_OBJECT ? ": a JSON object" : ": a JSON array");
        }
        return text.toString();
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ProducerSettings settings = ProducerSettings.fromEnvironment(context.env());
        EventValidation validation = new EventValidation(new EventCodec());
        ObjectNode event = buildEvent(validation.codec().mapper());
        byte[] json = validation.codec().mapper().writeValueAsBytes(event);
        OutgoingEvent outgoing = validation.validate(definition.topic(), json, optionOfField::get);
        long validated = System.nanoTime();

        SendOutcome outcome;
        try (Delivery delivery = new Delivery(new EventProducer(settings, false),
                new Spool(settings.spoolDirectory()), context.clock())) {
            outcome = delivery.deliverOne(outgoing);
        }
        ResultPrinter.print(context.out(), SendResult.of(outgoing, outcome, settings.spoolDirectory()));
        if (settings.debug()) {
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            context.err().printf("agentobs %s: %s; JVM start to command %d ms, build and validate %d ms, "
                    + "deliver %d ms%n", definition.name(), outcome,
                    System.currentTimeMillis() - jvmStart - (System.nanoTime() - started) / 1_000_000,
                    (validated - started) / 1_000_000, (System.nanoTime() - validated) / 1_000_000);
        }
        return outcome.status() == SendOutcome.Status.FAILED ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** The text given for an option, by the option's first name; null when absent. */
    private String optionValue(String option) {
        return plainValues != null ? plainValues.get(option) : spec.findOption(option).getValue();
    }

    /** The event's JSON: given fields in record order, generated ids and timestamp, then {@code --extra}. */
    ObjectNode buildEvent(JsonMapper mapper) throws UsageException {
        ObjectNode event = mapper.createObjectNode();
        for (EventField field : fields) {
            String option = optionOfField.get(field.name());
            String text = optionValue(option);
            if (text != null) {
                event.set(field.name(), field.kind().parse(text, field.name(), option, mapper));
            } else if (field.name().equals("event_id") || field.name().equals("correlation_id")) {
                event.put(field.name(), RandomIds.uuid());
            } else if (field.name().equals("timestamp")) {
                event.put(field.name(), context.clock().instant().toString());
            }
        }
        String extra = optionValue(EXTRA);
        if (extra != null) {
            JsonNode fields = FieldKind.JSON_OBJECT.parse(extra, "extra", "--extra", mapper);
            for (Map.Entry<String, JsonNode> property : fields.properties()) {
                if (optionOfField.containsKey(property.getKey())) {
                    throw FieldKind.problem(property.getKey(), "--extra", "sets a field that has its own option "
                            + optionOfField.get(property.getKey()) + "; use that option");
                }
                event.set(property.getKey(), property.getValue());
            }
        }
        return event;
    }
}
