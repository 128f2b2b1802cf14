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
import io.agentobs.cli.spool.Spool;
import io.agentobs.events.codec.EventCodec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * One {@code log-*} subcommand: its options are the fields of the topic's event record ({@code --agent-name},
 * {@code --action-details '{…}'}…, plus the seed's short aliases); it builds the event, generates
 * {@code event_id}, {@code correlation_id} and {@code timestamp} when absent, validates it like the consumers do and
 * publishes it keyed by the topic's partition key.
 */
public final class LogEventCommand implements Callable<Integer> {

    /** Fields the command fills in when the caller does not. */
    private static final List<String> GENERATED = List.of("event_id", "correlation_id", "timestamp");

    private final LogCommands.Definition definition;
    private final CliContext context;
    private final List<EventField> fields;
    private final Map<String, String> optionOfField = new HashMap<>();
    private CommandSpec spec;

    private LogEventCommand(LogCommands.Definition definition, CliContext context) {
        this.definition = definition;
        this.context = context;
        this.fields = EventField.of(definition.topic().eventType());
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
        spec.addOption(OptionSpec.builder("--extra")
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
        Map<String, Object> result = new LinkedHashMap<>();
        switch (outcome.status()) {
            case SKIPPED -> {
                result.put("success", true);
                result.put("message", "Kafka logging disabled (KAFKA_ENABLE_LOGGING=false)");
                result.put("event_id", null);
            }
            case SENT -> {
                result.put("success", true);
                result.put("event_id", outgoing.eventId());
                result.put("topic", outgoing.topic());
                result.put("partition", outcome.partition());
                result.put("offset", outcome.offset());
                result.put("latency_ms", outcome.latencyMs());
            }
            case SPOOLED -> {
                result.put("success", true);
                result.put("spooled", true);
                result.put("event_id", outgoing.eventId());
                result.put("topic", outgoing.topic());
                result.put("spool_dir", settings.spoolDirectory().toString());
                result.put("reason", outcome.reason());
                result.put("latency_ms", outcome.latencyMs());
            }
            case FAILED -> {
                result.put("success", false);
                result.put("event_id", outgoing.eventId());
                result.put("topic", outgoing.topic());
                result.put("error", outcome.reason());
            }
        }
        if (outcome.drained() > 0) {
            result.put("drained", outcome.drained());
        }
        ResultPrinter.print(context.out(), result);
        if (settings.debug()) {
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            context.err().printf("agentobs %s: %s; JVM start to command %d ms, build and validate %d ms, "
                    + "deliver %d ms%n", definition.name(), outcome,
                    System.currentTimeMillis() - jvmStart - (System.nanoTime() - started) / 1_000_000,
                    (validated - started) / 1_000_000, (System.nanoTime() - validated) / 1_000_000);
        }
        return outcome.status() == SendOutcome.Status.FAILED ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** The event's JSON: given fields in record order, generated ids and timestamp, then {@code --extra}. */
    ObjectNode buildEvent(JsonMapper mapper) throws UsageException {
        ObjectNode event = mapper.createObjectNode();
        for (EventField field : fields) {
            String option = optionOfField.get(field.name());
            String text = spec.findOption(option).getValue();
            if (text != null) {
                event.set(field.name(), field.kind().parse(text, field.name(), option, mapper));
            } else if (field.name().equals("event_id") || field.name().equals("correlation_id")) {
                event.put(field.name(), UUID.randomUUID().toString());
            } else if (field.name().equals("timestamp")) {
                event.put(field.name(), context.clock().instant().toString());
            }
        }
        String extra = spec.findOption("--extra").getValue();
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
