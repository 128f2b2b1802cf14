package io.agentobs.events;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Kind of step an agent took, as carried in {@code agent-actions.action_type}. */
public enum ActionType {
    TOOL_CALL("tool_call"),
    DECISION("decision"),
    ERROR("error"),
    SUCCESS("success");

    private final String wireName;

    ActionType(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase value used on the wire. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant whose wire value is exactly {@code wireName} (case-sensitive). */
    public static Optional<ActionType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
