package io.agentobs.cli.publish;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.ExitCodes;
import io.agentobs.cli.ResultPrinter;
import io.agentobs.cli.UsageException;
import io.agentobs.cli.events.EventValidation;
import io.agentobs.cli.kafka.EventProducer;
import io.agentobs.cli.kafka.ProducerSettings;
import io.agentobs.cli.send.BulkDelivery;
import io.agentobs.cli.send.Delivery;
import io.agentobs.cli.send.OutgoingEvent;
import io.agentobs.cli.send.SendOutcome;
import io.agentobs.cli.send.SendResult;
import io.agentobs.cli.spool.DrainResult;
import io.agentobs.cli.spool.Spool;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.FieldError;
import io.agentobs.events.codec.InvalidEventException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code agentobs publish --topic T [--file F]}: the batch path. Reads one JSON event or NDJSON (one event per line)
 * from a file or stdin, validates every line like the consumers do, and streams the valid events to Kafka (spooling
 * them if Kafka is unreachable). Invalid lines are reported by line number and field and not sent.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish one JSON event or NDJSON (one event per line) from a file or stdin.",
                "Valid events are sent keyed by the topic's partition key; invalid lines are listed by line and "
                        + "field and skipped. Prints the event's result for a single event, else a summary; "
                        + "exit 0 all sent or spooled, 1 some refused by Kafka, 2 some invalid."})
public final class PublishCommand implements Callable<Integer> {

    @Option(names = "--topic", required = true, paramLabel = "<topic>",
            description = "Topic of every event: agent-actions, agent-routing-decisions, agent-transformation-events, "
                    + "router-performance-metrics, task-executions, code-quality-metrics, success-patterns, "
                    + "failure-patterns.")
    private String topicName;

    @Option(names = {"--file", "-f"}, paramLabel = "<file>",
            description = "NDJSON or JSON file; stdin when absent or '-'.")
    private String file;

    @Option(names = "--max-errors", defaultValue = "20", paramLabel = "<n>",
            description = "Invalid lines listed in the result (all are counted); default ${DEFAULT-VALUE}.")
    private int maxErrors;

    private final CliContext context;

    public PublishCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Topic topic = Topic.byName(topicName).orElseThrow(() -> new UsageException("--topic must be one of "
                + Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.joining(", "))
                + ", got '" + topicName + "'"));
        ProducerSettings settings = ProducerSettings.fromEnvironment(context.env());
        EventValidation validation = new EventValidation(new EventCodec());
        long start = System.nanoTime();
        try (InputStream in = open();
             Delivery delivery = new Delivery(new EventProducer(settings, true),
                     new Spool(settings.spoolDirectory()), context.clock())) {
            return new Run(topic, validation, delivery, new NdjsonReader(in, validation.codec().maxPayloadBytes()),
                    start).execute();
        }
    }

    private InputStream open() throws IOException, UsageException {
        if (file == null || file.equals("-")) {
            return context.in();
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException missing) {
            throw new UsageException("--file " + file + ": no such file");
        }
    }

    /** One publish run: its counters and the events read ahead. */
    private final class Run {

        private final Topic topic;
        private final EventValidation validation;
        private final Delivery delivery;
        private final NdjsonReader reader;
        private final long start;
        private final List<Map<String, Object>> errors = new ArrayList<>();
        private long lines;
        private long invalid;

        Run(Topic topic, EventValidation validation, Delivery delivery, NdjsonReader reader, long start) {
            this.topic = topic;
            this.validation = validation;
            this.delivery = delivery;
            this.reader = reader;
            this.start = start;
        }

        int execute() throws Exception {
            OutgoingEvent first = nextValid(true);
            OutgoingEvent second = first == null ? null : nextValid(false);
            if (first != null && second == null && invalid == 0) {
                return single(first);
            }
            return bulk(first, second);
        }

        private int single(OutgoingEvent event) throws Exception {
            SendOutcome outcome = delivery.deliverOne(event);
            ResultPrinter.print(context.out(), SendResult.of(event, outcome, delivery.settings().spoolDirectory()));
            return outcome.status() == SendOutcome.Status.FAILED ? ExitCodes.FAILURE : ExitCodes.OK;
        }

        private int bulk(OutgoingEvent first, OutgoingEvent second) throws Exception {
            boolean enabled = delivery.settings().enabled();
            DrainResult drained = enabled ? delivery.drainSpool() : new DrainResult(0, 0, 0, null);
            BulkDelivery bulk = new BulkDelivery(delivery);
            if (!drained.complete()) {
                bulk.spoolEverything();
            }
            long valid = 0;
            for (OutgoingEvent event = first; event != null; event = valid == 1 ? second : nextValid(false)) {
                valid++;
                if (enabled) {
                    bulk.submit(event);
                }
            }
            BulkDelivery.Summary summary = bulk.finish();
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("success", invalid == 0 && summary.failed() == 0);
            result.put("topic", topic.topicName());
            if (!enabled) {
                result.put("message", "Kafka logging disabled (KAFKA_ENABLE_LOGGING=false)");
            }
            result.put("lines", lines);
            result.put("events", valid);
            result.put("sent", summary.sent());
            result.put("spooled", summary.spooled());
            result.put("failed", summary.failed());
            result.put("invalid", invalid);
            if (drained.sent() > 0) {
                result.put("drained", drained.sent());
            }
            result.put("elapsed_ms", Math.round(seconds * 1000));
            result.put("events_per_second", Math.round(summary.sent() / seconds));
            if (summary.firstFailure() != null) {
                result.put("first_failure", summary.firstFailure());
            } else if (!drained.complete()) {
                result.put("first_failure", "spooled events could not be sent: " + drained.failure().getMessage());
            }
            if (!errors.isEmpty()) {
                result.put("errors", errors);
            }
            ResultPrinter.print(context.out(), result);
            if (summary.failed() > 0) {
                return ExitCodes.FAILURE;
            }
            return invalid > 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }

        /** The next valid event, counting and listing invalid lines on the way; null at the end of the input. */
        private OutgoingEvent nextValid(boolean firstLine) throws IOException {
            NdjsonReader.Line line;
            while ((line = reader.next()) != null) {
                if (isBlank(line)) {
                    continue;
                }
                lines++;
                if (line.tooLong()) {
                    reject(line.number(), List.of(FieldError.root("line is " + line.length()
                            + " bytes, larger than the limit of " + validation.codec().maxPayloadBytes() + " bytes")));
                    continue;
                }
                try {
                    return validation.check(topic, line.bytes());
                } catch (InvalidEventException invalidLine) {
                    if (firstLine && lines == 1 && invalidLine.kind() == InvalidEventException.Kind.MALFORMED_JSON) {
                        OutgoingEvent document = wholeDocument(line.bytes());
                        if (document != null) {
                            return document;
                        }
                    }
                    reject(line.number(), invalidLine.errors());
                }
            }
            return null;
        }

        /** The input as one multi-line JSON document, if it is one. */
        private OutgoingEvent wholeDocument(byte[] firstLine) throws IOException {
            int max = validation.codec().maxPayloadBytes();
            byte[] rest = reader.remainder(max);
            if (!reader.atEnd()) {
                throw new IOException("input is neither NDJSON nor a single JSON document of at most " + max
                        + " bytes (line 1 is not valid JSON)");
            }
            byte[] document = Arrays.copyOf(firstLine, firstLine.length + 1 + rest.length);
            document[firstLine.length] = '\n';
            System.arraycopy(rest, 0, document, firstLine.length + 1, rest.length);
            try {
                return validation.check(topic, document);
            } catch (InvalidEventException invalidDocument) {
                reject(1, invalidDocument.errors());
                return null;
            }
        }

        private void reject(long lineNumber, List<FieldError> fieldErrors) {
            invalid++;
            for (FieldError error : fieldErrors) {
                if (errors.size() >= maxErrors) {
                    return;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("line", lineNumber);
                entry.put("field", error.field());
                entry.put("message", error.message());
                errors.add(entry);
            }
            if (errors.size() < maxErrors || invalid == 1) {
                context.err().println("agentobs publish: line " + lineNumber + ": " + fieldErrors.stream()
                        .map(FieldError::toString).collect(Collectors.joining("; ")));
            }
        }

        private static boolean isBlank(NdjsonReader.Line line) {
            if (line.tooLong()) {
                return false;
            }
            for (byte b : line.bytes()) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
