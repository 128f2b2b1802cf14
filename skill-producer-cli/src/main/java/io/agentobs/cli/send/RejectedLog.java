package io.agentobs.cli.send;

import io.agentobs.cli.spool.SpooledEvent;
import io.agentobs.events.codec.EventJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps spooled events Kafka refused for good (a record too large for the topic, say) in {@code rejected.ndjson}
 * beside the spool, one JSON line each with the reason, so one bad record never blocks the spool and is never
 * silently dropped.
 */
final class RejectedLog {

    static final String FILE_NAME = "rejected.ndjson";

    private final Path file;

    RejectedLog(Path spoolDirectory) {
        this.file = spoolDirectory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    void record(SpooledEvent event, String reason, Instant at) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("rejected_at", at.toString());
        line.put("reason", reason);
        line.put("topic", event.topic());
        line.put("key", event.key());
        line.put("value", new String(event.value(), StandardCharsets.UTF_8));
        byte[] bytes = (EventJson.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
