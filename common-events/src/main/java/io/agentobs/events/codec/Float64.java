package io.agentobs.events.codec;

import tools.jackson.databind.JsonNode;

/** Which JSON numbers a finite 64-bit float (Java {@code Double}, PostgreSQL {@code double precision}) holds. */
final class Float64 {

    private Float64() {
    }

    /** False only for a NaN or infinite double (hand-built events; the parser never produces one). */
    static boolean isFinite(JsonNode number) {
        return !(number.isDouble() || number.isFloat()) || Double.isFinite(number.doubleValue());
    }

    /** Why {@code number} is NaN, infinite, beyond ±1.8e308 or a non-zero below 4.9e-324; null when it fits. */
    static String problem(JsonNode number) {
        if (!isFinite(number)) {
            return "must be a finite number, got " + JsonTypes.describe(number);
        }
        if (number.isBigDecimal() || number.isBigInteger()) {
            // Not number.doubleValue(): Jackson 3 throws for values outside the double range.
            double approximation = number.numberValue().doubleValue();
            if (Double.isInfinite(approximation)) {
                return "is too large for a 64-bit floating-point number (magnitude above 1.8e308), got "
                        + JsonTypes.describe(number);
            }
            if (approximation == 0 && number.decimalValue().signum() != 0) {
                return "is too small for a 64-bit floating-point number (non-zero magnitude below 4.9e-324 "
                        + "rounds to 0), got " + JsonTypes.describe(number);
            }
        }
        return null;
    }

    /** As {@link #problem}, for numbers written with a fraction or exponent; integers of any size pass. */
    static String fractionalProblem(JsonNode number) {
        return number.isFloatingPointNumber() ? problem(number) : null;
    }
}
