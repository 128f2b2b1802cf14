package io.agentobs.metrics.api;

import java.util.List;

/** A query parameter the API cannot use; answered with a 400 problem naming the parameter and the allowed values. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String value;
    private final List<String> allowed;

    /**
     * @param parameter the query parameter's name
     * @param value what the request gave (null when absent)
     * @param detail a sentence saying what is wrong
     * @param allowed the allowed values, or one line describing them
     */
    public InvalidParameterException(String parameter, String value, String detail, List<String> allowed) {
        super(detail);
        this.parameter = parameter;
        this.value = value;
        this.allowed = List.copyOf(allowed);
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public List<String> allowed() {
        return allowed;
    }
}
