package io.agentobs.cli.spool;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * Encodes spooled events as one JSON line each and decodes them back, rejecting any line that is not exactly what
 * {@link #encode} writes or whose checksum does not match.
 *
 * <p>A line is {@code {"v":1,"crc32c":"<8 hex>","topic":"<b64>","key":<null|"<b64>">,"value":"<b64>"}} followed by
 * {@code \n}. Topic (UTF-8), key (UTF-8) and value are standard Base64, so any bytes round-trip and the line never
 * needs JSON escaping. The CRC32C covers every byte after {@code "crc32c":"<8 hex>",} up to the closing brace.
 */
final class RecordCodec {

    private static final byte[] PREFIX = ascii("{\"v\":1,\"crc32c\":\"");
    private static final byte[] AFTER_CRC = ascii("\",");
    private static final byte[] TOPIC = ascii("\"topic\":\"");
    private static final byte[] KEY = ascii("\",\"key\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] VALUE = ascii(",\"value\":\"");
    private static final byte[] END = ascii("\"}");
    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final int CRC_HEX_DIGITS = 8;
    private static final int BODY_START = PREFIX.length + CRC_HEX_DIGITS + AFTER_CRC.length;

    private RecordCodec() {
    }

    /** The event as one line, terminated by {@code \n}. */
    static byte[] encode(SpooledEvent event) {
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] topic = base64.encode(event.topic().getBytes(StandardCharsets.UTF_8));
        byte[] key = event.key() == null ? null : base64.encode(event.key().getBytes(StandardCharsets.UTF_8));
        byte[] value = base64.encode(event.value());
        int keyLength = key == null ? NULL.length : key.length + 2;
        int length = BODY_START + TOPIC.length + topic.length + KEY.length + keyLength + VALUE.length + value.length
                + END.length + 1;
        byte[] line = new byte[length];
        int at = put(line, 0, PREFIX);
        at += CRC_HEX_DIGITS;
        at = put(line, at, AFTER_CRC);
        at = put(line, at, TOPIC);
        at = put(line, at, topic);
        at = put(line, at, KEY);
        if (key == null) {
            at = put(line, at, NULL);
        } else {
            line[at++] = '"';
            at = put(line, at, key);
            line[at++] = '"';
        }
        at = put(line, at, VALUE);
        at = put(line, at, value);
        at = put(line, at, END);
        line[at] = '\n';
        int crc = crc(line, BODY_START, length - 1);
        for (int i = 0; i < CRC_HEX_DIGITS; i++) {
            line[PREFIX.length + i] = HEX[(crc >>> (28 - 4 * i)) & 0xf];
        }
        return line;
    }

    /**
     * The event a line (without its {@code \n}) holds, or null when the line is corrupt: not in the format, bad
     * Base64 or a checksum mismatch.
     */
    static SpooledEvent decode(byte[] line, int from, int to) {
        if (!matches(line, from, to, PREFIX) || !matches(line, from + PREFIX.length + CRC_HEX_DIGITS, to, AFTER_CRC)) {
            return null;
        }
        int expected = 0;
        for (int i = 0; i < CRC_HEX_DIGITS; i++) {
            int digit = Character.digit(line[from + PREFIX.length + i], 16);
            if (digit < 0) {
                return null;
            }
            expected = (expected << 4) | digit;
        }
        int body = from + BODY_START;
        if (crc(line, body, to) != expected) {
            return null;
        }
        try {
            int at = expect(line, body, to, TOPIC);
            int topicEnd = indexOf(line, at, to, '"');
            String topic = utf8(decodeBase64(line, at, topicEnd));
            at = expect(line, topicEnd, to, KEY);
            String key = null;
            if (matches(line, at, to, NULL)) {
                at += NULL.length;
            } else {
                at = expect(line, at, to, new byte[] {'"'});
                int keyEnd = indexOf(line, at, to, '"');
                key = utf8(decodeBase64(line, at, keyEnd));
                at = keyEnd + 1;
            }
            at = expect(line, at, to, VALUE);
            int valueEnd = indexOf(line, at, to, '"');
            byte[] value = decodeBase64(line, at, valueEnd);
            if (expect(line, valueEnd, to, END) != to) {
                return null;
            }
            return new SpooledEvent(topic, key, value);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static int crc(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return (int) crc.getValue();
    }

    private static byte[] decodeBase64(byte[] line, int from, int to) {
        return Base64.getDecoder().decode(Arrays.copyOfRange(line, from, to));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The index after {@code expected}, which must start at {@code at}; otherwise the line is malformed. */
    private static int expect(byte[] line, int at, int to, byte[] expected) {
        if (!matches(line, at, to, expected)) {
            throw new IllegalArgumentException("malformed spool record");
        }
        return at + expected.length;
    }

    private static int indexOf(byte[] line, int from, int to, char wanted) {
        for (int i = from; i < to; i++) {
            if (line[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed spool record");
    }

    private static boolean matches(byte[] line, int at, int to, byte[] expected) {
        if (at + expected.length > to) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (line[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
