package io.agentobs.cli.log;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for generated {@code event_id} and {@code correlation_id}, from the kernel's random source
 * read directly. {@link UUID#randomUUID()} reads the same source through {@code SecureRandom}, whose provider
 * framework takes a one-event process longer to set up than the rest of building the event; where there is no
 * {@code /dev/urandom}, it is used instead.
 */
final class RandomIds {

    private static final String KERNEL_RANDOM = "/dev/urandom";
    private static final int UUID_BYTES = 16;

    private RandomIds() {
    }

    /** A random UUID in canonical text form, as {@code UUID.randomUUID().toString()} gives. */
    static String uuid() {
        byte[] bytes = new byte[UUID_BYTES];
        try (InputStream random = new FileInputStream(KERNEL_RANDOM)) {
            int read = 0;
            while (read < UUID_BYTES) {
                int count = random.read(bytes, read, UUID_BYTES - read);
                if (count < 0) {
                    return UUID.randomUUID().toString();
                }
                read += count;
            }
        } catch (IOException | SecurityException unavailable) {
            return UUID.randomUUID().toString();
        }
        // The version and variant bits, set as UUID.randomUUID sets them.
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }
}
