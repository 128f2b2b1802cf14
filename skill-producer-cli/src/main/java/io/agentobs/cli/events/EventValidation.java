package io.agentobs.cli.events;

import io.agentobs.cli.UsageException;
import io.agentobs.cli.UsageException.FieldProblem;
import io.agentobs.cli.send.OutgoingEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.FieldError;
import io.agentobs.events.codec.InvalidEventException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks an event with the same codec the consumers decode with, so the CLI publishes exactly what they accept, and
 * turns it into an {@link OutgoingEvent} keyed by the topic's partition key. The JSON bytes are sent unchanged.
 */
public final class EventValidation {

    private final EventCodec codec;

    public EventValidation(EventCodec codec) {
        this.codec = codec;
    }

    public EventCodec codec() {
        return codec;
    }

    /**
     * Validates {@code json} as an event of {@code topic}.
     *
     * @param optionOfField the command-line option setting a top-level field, for messages; may return null
     * @throws UsageException naming every offending field (and its option)
     */
    public OutgoingEvent validate(Topic topic, byte[] json, Function<String, String> optionOfField)
            throws UsageException {
        try {
            return check(topic, json);
        } catch (InvalidEventException invalid) {
            throw usageError(topic, invalid, optionOfField);
        }
    }

    /** Validates {@code json} as an event of {@code topic}, reporting problems as the codec does. */
    public OutgoingEvent check(Topic topic, byte[] json) throws InvalidEventException {
        ObjectNode tree = codec.decodeTree(topic, json);
        return new OutgoingEvent(topic.topicName(), text(tree.get(topic.keyField())), json,
                text(tree.get("event_id")));
    }

    private static UsageException usageError(Topic topic, InvalidEventException invalid,
            Function<String, String> optionOfField) {
        List<FieldProblem> problems = new ArrayList<>();
        StringBuilder message = new StringBuilder("invalid ").append(topic.topicName()).append(" event: ");
        for (FieldError error : invalid.errors()) {
            String option = optionOfField.apply(topLevel(error.field()));
            problems.add(new FieldProblem(error.field(), option, error.message()));
            if (problems.size() > 1) {
                message.append("; ");
            }
            message.append(option == null ? error.field() : option + " (" + error.field() + ")")
                    .append(' ').append(error.message());
        }
        return new UsageException(message.toString(), problems);
    }

    /** {@code steps[2].duration_ms} → {@code steps}. */
    private static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
