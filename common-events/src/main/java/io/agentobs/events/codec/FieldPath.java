package io.agentobs.events.codec;

/**
 * Where a value sits in an event, as a chain of parent links; rendered as text ({@code alternatives[1].agent_name})
 * only when an error names it, so valid events build no path strings.
 */
final class FieldPath {

    /** The event (or Debezium payload) itself; renders as {@link FieldError#ROOT}. */
    static final FieldPath ROOT = new FieldPath(null, null, -1);

    private final FieldPath parent;
    private final String name;
    private final int index;

    private FieldPath(FieldPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The path of property {@code name} of the object at this path. */
    FieldPath property(String name) {
        return new FieldPath(this, name, -1);
    }

    /** The path of item {@code index} of the array at this path. */
    FieldPath item(int index) {
        return new FieldPath(this, null, index);
    }

    boolean isRoot() {
        return parent == null;
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return FieldError.ROOT;
        }
        StringBuilder text = new StringBuilder();
        appendTo(text);
        return text.toString();
    }

    private void appendTo(StringBuilder text) {
        if (isRoot()) {
            return;
        }
        parent.appendTo(text);
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            if (!parent.isRoot()) {
                text.append('.');
            }
            // Property names come from the payload: keep characters storage cannot hold out of error messages.
            StorableText.appendEscaped(name, text);
        }
    }
}
