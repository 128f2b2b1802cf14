package io.agentobs.events.codec;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * Turns Kafka record values into validated events and events into record values. Immutable and thread-safe: create
 * one and share it.
 *
 * <p>{@link #decode} runs, in order: the payload size limit, a strict UTF-8 check of the bytes, JSON parsing straight
 * from the bytes, Debezium outbox unwrapping (see {@code DebeziumEnvelope}), validation of the tree with every field
 * error collected (see {@code EventValidator}), and conversion to the topic's record. The first stage that fails
 * throws an {@link InvalidEventException} whose {@link InvalidEventException#kind() kind} names the stage; so does an
 * unexpected exception inside a stage, since consumers retry any other exception as if the failure were transient.
 */
public final class EventCodec {

    /** Default limit on a record value: 1 MiB, Kafka's default {@code max.message.bytes}. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

    private static final String SCHEMA_VERSION = "schema_version";
    private static final EventValidator VALIDATOR = new EventValidator();
    /** Jackson guesses UTF-16 or UTF-32 from NUL bytes among the first four; JSON text never has a raw NUL. */
    private static final int ENCODING_DETECTION_BYTES = 4;

    private final JsonMapper mapper;
    private final ObjectReader treeReader;
    private final EventValidator validator;
    private final int maxPayloadBytes;

    /** A codec with the {@link #DEFAULT_MAX_PAYLOAD_BYTES} limit. */
    public EventCodec() {
        this(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** A codec that rejects record values longer than {@code maxPayloadBytes} bytes. */
    public EventCodec(int maxPayloadBytes) {
        this(maxPayloadBytes, VALIDATOR);
    }

    /** For tests: a codec validating with {@code validator}. */
    EventCodec(int maxPayloadBytes, EventValidator validator) {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        this.mapper = EventJson.mapper();
        this.treeReader = ExactFloatNodeFactory.treeReader(mapper);
        this.validator = validator;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** The mapper this codec reads and writes with ({@link EventJson#mapper()}). */
    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * Decodes and validates one record value of {@code topic}; the result is an instance of
     * {@link Topic#eventType()}.
     *
     * @throws InvalidEventException if the value is null, too large, not UTF-8, not JSON, or not a valid event
     */
    public AgentEvent decode(Topic topic, byte[] value) throws InvalidEventException {
        return bind(topic, decodeTree(topic, value));
    }

    /**
     * Converts an event {@link #decodeTree} returned to the topic's record, as the last stage of {@link #decode};
     * fills in {@code schema_version} in {@code validated} when it has none.
     *
     * @throws InvalidEventException of kind {@code SCHEMA_INVALID} if the record cannot hold the validated values
     */
    public AgentEvent bind(Topic topic, ObjectNode validated) throws InvalidEventException {
        try {
            return toEvent(topic, validated);
        } catch (RuntimeException unexpected) {
            throw conversionFailure(topic, unexpected);
        }
    }

    /**
     * Runs every check of {@link #decode} and returns the validated JSON object (unwrapped from a Debezium envelope
     * if it was one) without converting it to a record: for producers, which forward JSON and should not pay for
     * record binding.
     *
     * @throws InvalidEventException if the value is null, too large, not UTF-8, not JSON, or not a valid event
     */
    public ObjectNode decodeTree(Topic topic, byte[] value) throws InvalidEventException {
        Objects.requireNonNull(topic, "topic");
        if (value == null) {
            throw new InvalidEventException(InvalidEventException.Kind.MALFORMED_JSON,
                    FieldError.root("record has no value (null / tombstone)"));
        }
        if (value.length > maxPayloadBytes) {
            throw new InvalidEventException(InvalidEventException.Kind.TOO_LARGE, FieldError.root(
                    "payload is " + value.length + " bytes, larger than the limit of " + maxPayloadBytes + " bytes"));
        }
        StrictUtf8.validate(value);
        JsonNode root = parse(value);
        try {
            if (DebeziumEnvelope.isEnvelope(root)) {
                root = DebeziumEnvelope.unwrap(root, treeReader);
            }
            List<FieldError> errors = validator.validate(topic, root);
            if (!errors.isEmpty()) {
                throw new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, errors);
            }
            return (ObjectNode) root;
        } catch (RuntimeException unexpected) {
            throw conversionFailure(topic, unexpected);
        }
    }

    /** A gap in validation, not a transient failure: retrying the same bytes would fail forever. */
    private static InvalidEventException conversionFailure(Topic topic, RuntimeException unexpected) {
        return new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, FieldError.root(
                "cannot validate and convert to " + topic.eventType().getSimpleName() + ": "
                        + JsonTypes.explain(unexpected)), unexpected);
    }

    /**
     * Validates a hand-built event exactly as {@link #decode} would validate its JSON form.
     *
     * @throws InvalidEventException of kind {@code SCHEMA_INVALID} naming every offending field
     */
    public void validate(AgentEvent event) throws InvalidEventException {
        JsonNode tree;
        try {
            tree = mapper.valueToTree(event);
        } catch (RuntimeException unserializable) {
            throw new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, FieldError.root(
                    "cannot write the event as JSON: " + JsonTypes.explain(unserializable)), unserializable);
        }
        List<FieldError> errors = validator.validate(event.topic(), tree);
        if (!errors.isEmpty()) {
            throw new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID, errors);
        }
    }

    /** The event as UTF-8 JSON, unknown fields included; does not validate (see {@link #validate}). */
    public byte[] encode(AgentEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    /** The event as a JSON string, as {@link #encode} writes it. */
    public String toJson(AgentEvent event) {
        return mapper.writeValueAsString(event);
    }

    /** The tree of {@code json}, well-formed UTF-8, parsed in place; any parser failure is MALFORMED_JSON. */
    private JsonNode parse(byte[] json) throws InvalidEventException {
        for (int i = 0; i < Math.min(json.length, ENCODING_DETECTION_BYTES); i++) {
            if (json[i] == 0) {
                throw new InvalidEventException(InvalidEventException.Kind.MALFORMED_JSON, FieldError.root(
                        "malformed JSON: NUL byte at byte offset " + i + " (JSON text is UTF-8 without raw NULs)"));
            }
        }
        JsonNode root;
        try {
            root = treeReader.readTree(json);
        } catch (RuntimeException malformed) {
            // Jackson's own exceptions are RuntimeExceptions too; anything the parser throws means "not JSON".
            throw new InvalidEventException(InvalidEventException.Kind.MALFORMED_JSON,
                    FieldError.root("malformed JSON: " + JsonTypes.explain(malformed)), malformed);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidEventException(InvalidEventException.Kind.MALFORMED_JSON,
                    FieldError.root("payload is empty"));
        }
        return root;
    }

    private AgentEvent toEvent(Topic topic, ObjectNode event) throws InvalidEventException {
        JsonNode version = event.get(SCHEMA_VERSION);
        if (version == null || version.isNull()) {
            event.put(SCHEMA_VERSION, AgentEvent.CURRENT_SCHEMA_VERSION);
        }
        try {
            return mapper.treeToValue(event, topic.eventType());
        } catch (JacksonException unconvertible) {
            // Validation accepts only what the records can hold; reaching this is a validator gap, still bad data.
            throw new InvalidEventException(InvalidEventException.Kind.SCHEMA_INVALID,
                    FieldError.root("cannot convert to " + topic.eventType().getSimpleName() + ": "
                            + unconvertible.getOriginalMessage()), unconvertible);
        }
    }
}
