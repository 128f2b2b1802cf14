package io.agentobs.cli.redrive;

/** Why a dead letter that matched the filter cannot be redriven; {@link #key()} names it in the result. */
enum SkipReason {

    /** No {@code x-original-topic} header: nothing says where it came from. */
    NO_ORIGINAL_TOPIC("no_original_topic"),
    /** {@code x-original-topic} is not the dead-letter topic's own topic, and no {@code --target-topic} was given. */
    OTHER_ORIGINAL_TOPIC("other_original_topic"),
    /** The consumer dropped the value as too large ({@code x-original-value-omitted}); it stays in the source topic. */
    VALUE_OMITTED("value_omitted"),
    /** A null value without that header: there is no event to send again. */
    NO_VALUE("no_value");

    private final String key;

    SkipReason(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
