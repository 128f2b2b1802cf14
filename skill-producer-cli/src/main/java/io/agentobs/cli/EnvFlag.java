package io.agentobs.cli;

import java.util.Locale;
import java.util.Map;

/** Reads a true/false environment variable: {@code true}, {@code 1}, {@code yes}, {@code on} or their opposites. */
public final class EnvFlag {

    private EnvFlag() {
    }

    /**
     * The variable's value, or {@code fallback} when it is unset or blank.
     *
     * @throws UsageException naming the variable when the value is none of the accepted words
     */
    public static boolean read(Map<String, String> env, String name, boolean fallback) throws UsageException {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new UsageException(name + " must be true or false, got '" + value + "'");
        };
    }
}
