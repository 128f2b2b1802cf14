package io.agentobs.events.codec;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/** Checks a number against the inclusive bounds of an {@link io.agentobs.events.Bounds} annotation. */
final class NumericRange {

    private NumericRange() {
    }

    static void check(double number, double min, double max, JsonNode value, FieldPath path,
            List<FieldError> errors) {
        if (number >= min && number <= max) {
            return;
        }
        String expected;
        if (Double.isInfinite(max)) {
            expected = "must be >= " + plain(min);
        } else if (Double.isInfinite(min)) {
            expected = "must be <= " + plain(max);
        } else {
            expected = "must be between " + plain(min) + " and " + plain(max);
        }
        errors.add(new FieldError(path.toString(), expected + ", got " + JsonTypes.describe(value)));
    }

    /** {@code 0} rather than {@code 0.0}, {@code 100} rather than {@code 100.0}. */
    static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
