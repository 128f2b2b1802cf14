package io.agentobs.events.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes record values as strict UTF-8: malformed, overlong or surrogate sequences are reported with their byte
 * offset instead of being replaced by U+FFFD. A leading byte-order mark is dropped.
 */
final class StrictUtf8 {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StrictUtf8() {
    }

    static String decode(byte[] bytes) throws InvalidEventException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more chars than bytes, so the output buffer cannot overflow.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), result.length());
        }
        out.flip();
        if (out.hasRemaining() && out.get(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }

    private static InvalidEventException notUtf8(byte[] bytes, int offset, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + length); i++) {
            hex.append(i == offset ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return new InvalidEventException(InvalidEventException.Kind.NOT_UTF8, FieldError.root(
                "payload is not valid UTF-8: malformed byte sequence " + hex + " at byte offset " + offset));
    }
}
