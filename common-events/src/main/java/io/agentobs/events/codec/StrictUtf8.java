package io.agentobs.events.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Checks in place, without decoding or copying, that record values are strict UTF-8 (RFC 3629). */
final class StrictUtf8 {

    /** Reads eight bytes at once for the ASCII fast path. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private StrictUtf8() {
    }

    /**
     * Returns normally when {@code bytes} is well-formed UTF-8 (a leading byte-order mark is); overlong forms, UTF-16
     * surrogates encoded as UTF-8, code points above U+10FFFF and truncated sequences are reported with their offset.
     */
    static void validate(byte[] bytes) throws InvalidEventException {
        int length = bytes.length;
        int i = 0;
        while (i < length) {
            while (i + Long.BYTES <= length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
            }
            while (i < length && bytes[i] >= 0) {
                i++;
            }
            if (i < length) {
                i = multiByteSequence(bytes, i);
            }
        }
    }

    /** Checks the sequence whose lead byte is at {@code start}; returns the offset just after it. */
    private static int multiByteSequence(byte[] bytes, int start) throws InvalidEventException {
        int lead = bytes[start] & 0xFF;
        int continuations;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead < 0xC0) {
            throw notUtf8(bytes, start, start + 1, "continuation byte without a lead byte");
        } else if (lead < 0xC2) {
            boolean continued = start + 1 < bytes.length && (bytes[start + 1] & 0xC0) == 0x80;
            throw notUtf8(bytes, start, continued ? start + 2 : start + 1, "overlong encoding");
        } else if (lead < 0xE0) {
            continuations = 1;
        } else if (lead < 0xF0) {
            continuations = 2;
            if (lead == 0xE0) {
                secondMin = 0xA0;
            } else if (lead == 0xED) {
                secondMax = 0x9F;
            }
        } else if (lead < 0xF5) {
            continuations = 3;
            if (lead == 0xF0) {
                secondMin = 0x90;
            } else if (lead == 0xF4) {
                secondMax = 0x8F;
            }
        } else {
            throw notUtf8(bytes, start, start + 1, "byte that never occurs in UTF-8");
        }
        int end = start + 1 + continuations;
        for (int i = start + 1; i < end; i++) {
            if (i >= bytes.length) {
                throw notUtf8(bytes, start, i, "sequence truncated by the end of the payload");
            }
            int next = bytes[i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                throw notUtf8(bytes, start, i, "sequence cut short by a byte that is not a continuation byte");
            }
            if (i == start + 1 && (next < secondMin || next > secondMax)) {
                throw notUtf8(bytes, start, i + 1, secondByteProblem(lead));
            }
        }
        return end;
    }

    private static String secondByteProblem(int lead) {
        return switch (lead) {
            case 0xE0, 0xF0 -> "overlong encoding";
            case 0xED -> "UTF-16 surrogate encoded in UTF-8";
            default -> "code point above U+10FFFF";
        };
    }

    private static InvalidEventException notUtf8(byte[] bytes, int offset, int end, String problem) {
        StringBuilder hex = new StringBuilder();
        for (int i = offset; i < end; i++) {
            hex.append(i == offset ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return new InvalidEventException(InvalidEventException.Kind.NOT_UTF8, FieldError.root(
                "payload is not valid UTF-8: malformed byte sequence " + hex + " at byte offset " + offset
                        + " (" + problem + ")"));
    }
}
