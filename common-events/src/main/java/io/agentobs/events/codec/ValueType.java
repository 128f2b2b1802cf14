package io.agentobs.events.codec;

import com.fasterxml.jackson.annotation.JsonValue;
import io.agentobs.events.Bounds;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON type an event field must have, derived from the record component's Java type; each variant checks a
 * present, non-null value strictly (no coercion between strings, numbers and booleans).
 */
sealed interface ValueType {

    /** Adds to {@code errors} what is wrong with {@code value} (present and not JSON null) at {@code path}. */
    void check(JsonNode value, FieldPath path, List<FieldError> errors);

    /** The value type for a record component of type {@code javaType}; fails fast on types the wire cannot carry. */
    static ValueType of(Type javaType, boolean required, Bounds bounds) {
        double min = bounds == null ? Double.NEGATIVE_INFINITY : bounds.min();
        double max = bounds == null ? Double.POSITIVE_INFINITY : bounds.max();
        if (javaType instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            if (raw == List.class) {
                return new ListOf(of(generic.getActualTypeArguments()[0], false, null));
            }
            if (raw == Map.class && generic.getActualTypeArguments()[0] == String.class) {
                return new FreeObject();
            }
        } else if (javaType instanceof Class<?> type) {
            if (type == String.class) {
                return new Text(required);
            }
            if (type == UUID.class) {
                return new Uuid();
            }
            if (type == Instant.class) {
                return new Timestamp();
            }
            if (type == Integer.class || type == int.class) {
                return new WholeNumber(Integer.MIN_VALUE, Integer.MAX_VALUE, min, max);
            }
            if (type == Long.class || type == long.class) {
                return new WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE, min, max);
            }
            if (type == Double.class || type == double.class) {
                return new Decimal(min, max);
            }
            if (type == Boolean.class || type == boolean.class) {
                return new Flag();
            }
            if (type.isEnum()) {
                return new Choice(wireNames(type));
            }
            if (type.isRecord()) {
                return new Nested(EventShape.of(type));
            }
        }
        throw new IllegalStateException("no JSON rule for event field type " + javaType.getTypeName());
    }

    private static List<String> wireNames(Class<?> enumType) {
        // A loop, not a stream: see EventShape.
        Method wireName = null;
        for (Method method : enumType.getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class)) {
                wireName = method;
                break;
            }
        }
        if (wireName == null) {
            throw new IllegalStateException(enumType + " needs a @JsonValue method");
        }
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            try {
                names.add((String) wireName.invoke(constant));
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException("cannot read wire name of " + constant, unreadable);
            }
        }
        return List.copyOf(names);
    }

    /** A JSON string that storage can hold (see {@link StorableText}); non-blank when the field is required. */
    record Text(boolean nonBlank) implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isString()) {
                errors.add(new FieldError(path.toString(), "must be a string, got " + JsonTypes.describe(value)));
                return;
            }
            String text = value.stringValue();
            String unstorable = StorableText.problem(text);
            if (unstorable != null) {
                errors.add(new FieldError(path.toString(), unstorable));
            } else if (nonBlank && text.isBlank()) {
                errors.add(new FieldError(path.toString(), "must not be blank"));
            }
        }
    }

    /** A JSON string holding a UUID in canonical 8-4-4-4-12 hex form (either case). */
    record Uuid() implements ValueType {
        private static final int LENGTH = 36;

        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isString() || !isCanonical(value.stringValue())) {
                errors.add(new FieldError(path.toString(),
                        "must be a UUID string like 7415f61f-ab2f-4961-97f5-a5f5c6499a4d, got "
                                + JsonTypes.describe(value)));
            }
        }

        private static boolean isCanonical(String text) {
            if (text.length() != LENGTH) {
                return false;
            }
            for (int i = 0; i < LENGTH; i++) {
                char c = text.charAt(i);
                boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A JSON string holding an instant with offset, see {@link TimestampFormat}. */
    record Timestamp() implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isString()) {
                errors.add(new FieldError(path.toString(),
                        "must be an ISO-8601 timestamp string, got " + JsonTypes.describe(value)));
            } else if (TimestampFormat.tryParse(value.stringValue()) == null) {
                errors.add(new FieldError(path.toString(), TimestampFormat.explainRejection(value.stringValue())
                        + ", got " + JsonTypes.describe(value)));
            }
        }
    }

    /**
     * A JSON number with no fractional part that fits the Java type, within the field's bounds. The value is compared
     * exactly, so {@code 1e400} is out of range and {@code 1e-400} is not an integer.
     */
    record WholeNumber(long typeMin, long typeMax, double min, double max) implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isNumber() || !Float64.isFinite(value)) {
                errors.add(new FieldError(path.toString(), "must be an integer, got " + JsonTypes.describe(value)));
                return;
            }
            if (value.isInt() || value.isLong()) {
                long number = value.longValue();
                if (number < typeMin || number > typeMax) {
                    errors.add(outsideType(value, path));
                } else {
                    NumericRange.check(number, min, max, value, path, errors);
                }
                return;
            }
            BigDecimal number = value.decimalValue();
            if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(path.toString(), "must be an integer, got " + JsonTypes.describe(value)));
            } else if (number.compareTo(BigDecimal.valueOf(typeMin)) < 0
                    || number.compareTo(BigDecimal.valueOf(typeMax)) > 0) {
                errors.add(outsideType(value, path));
            } else {
                NumericRange.check(number.doubleValue(), min, max, value, path, errors);
            }
        }

        private FieldError outsideType(JsonNode value, FieldPath path) {
            return new FieldError(path.toString(), "must be an integer between " + typeMin + " and " + typeMax
                    + ", got " + JsonTypes.describe(value));
        }
    }

    /** A JSON number a finite 64-bit float holds (see {@link Float64}), within the field's bounds. */
    record Decimal(double min, double max) implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isNumber()) {
                errors.add(new FieldError(path.toString(), "must be a number, got " + JsonTypes.describe(value)));
                return;
            }
            String unrepresentable = Float64.problem(value);
            if (unrepresentable != null) {
                errors.add(new FieldError(path.toString(), unrepresentable));
            } else {
                NumericRange.check(value.doubleValue(), min, max, value, path, errors);
            }
        }
    }

    /** A JSON {@code true} or {@code false}. */
    record Flag() implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isBoolean()) {
                errors.add(new FieldError(path.toString(), "must be a boolean (true or false), got "
                        + JsonTypes.describe(value)));
            }
        }
    }

    /** A JSON string equal to one of the enum's wire names (case-sensitive). */
    record Choice(List<String> allowed) implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isString() || !allowed.contains(value.stringValue())) {
                errors.add(new FieldError(path.toString(), "must be one of " + allowed + ", got "
                        + JsonTypes.describe(value)));
            }
        }
    }

    /** A JSON object of any shape whose content storage can hold (free-form data such as {@code action_details}). */
    record FreeObject() implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isObject()) {
                errors.add(new FieldError(path.toString(), "must be a JSON object, got " + JsonTypes.describe(value)));
            } else {
                FreeFormContent.check(value, path, errors);
            }
        }
    }

    /** A JSON array whose items are all non-null and of {@code items}' type; errors name {@code path[i]}. */
    record ListOf(ValueType items) implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isArray()) {
                errors.add(new FieldError(path.toString(), "must be an array, got " + JsonTypes.describe(value)));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isNull()) {
                    errors.add(new FieldError(path.item(i).toString(), "must not be null"));
                } else {
                    items.check(item, path.item(i), errors);
                }
            }
        }
    }

    /** A JSON object checked field by field against a nested record's shape. */
    record Nested(EventShape shape) implements ValueType {
        @Override
        public void check(JsonNode value, FieldPath path, List<FieldError> errors) {
            if (!value.isObject()) {
                errors.add(new FieldError(path.toString(), "must be a JSON object, got " + JsonTypes.describe(value)));
                return;
            }
            shape.check(value, path, errors);
        }
    }
}
