package io.agentobs.cli.spool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One drain of a locked spool: sends the waiting records in order and in chunks, recording the position durably
 * after each acknowledged chunk and moving corrupted records aside on the way.
 */
final class Drainer {

    /** At most this many events per chunk. */
    static final int MAX_CHUNK_EVENTS = 500;
    /** At most about this many key and value bytes per chunk (a single larger event forms a chunk of its own). */
    static final long MAX_CHUNK_BYTES = 1024 * 1024;

    private final LineReader lines;
    private final SpoolPosition position;
    private final CorruptRecords corruptRecords;
    private final SpoolSender sender;
    private List<SpooledEvent> chunk = new ArrayList<>();
    private long chunkBytes;
    private long chunkEnd;
    private int sent;
    private int corrupt;

    Drainer(LineReader lines, SpoolPosition position, CorruptRecords corruptRecords, SpoolSender sender) {
        this.lines = lines;
        this.position = position;
        this.corruptRecords = corruptRecords;
        this.sender = sender;
    }

    /** Drains every complete line the reader yields; stops at the first chunk the sender fails. */
    DrainResult run() throws IOException {
        while (lines.next()) {
            SpooledEvent event = RecordCodec.decode(lines.buffer(), lines.from(), lines.to());
            if (event == null) {
                Exception failure = sendChunk();
                if (failure != null) {
                    return failed(failure, 0);
                }
                corruptRecords.moveAside(lines.buffer(), lines.from(), lines.to());
                corrupt++;
                position.record(lines.lineEnd());
                continue;
            }
            long weight = weight(event);
            if (!chunk.isEmpty() && (chunk.size() >= MAX_CHUNK_EVENTS || chunkBytes + weight > MAX_CHUNK_BYTES)) {
                Exception failure = sendChunk();
                if (failure != null) {
                    return failed(failure, 1);
                }
            }
            chunk.add(event);
            chunkBytes += weight;
            chunkEnd = lines.lineEnd();
        }
        Exception failure = sendChunk();
        return failure != null ? failed(failure, 0) : new DrainResult(sent, 0, corrupt, null);
    }

    /** Sends the pending chunk and records its end; returns the sender's failure, or null. */
    private Exception sendChunk() throws IOException {
        if (chunk.isEmpty()) {
            return null;
        }
        try {
            sender.send(Collections.unmodifiableList(chunk));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        }
        position.record(chunkEnd);
        sent += chunk.size();
        chunk = new ArrayList<>();
        chunkBytes = 0;
        return null;
    }

    /** The result of a drain stopped by {@code failure}; counts what is still waiting, from the failed chunk on. */
    private DrainResult failed(Exception failure, int alreadyRead) throws IOException {
        int remaining = chunk.size() + alreadyRead;
        while (lines.next()) {
            if (RecordCodec.decode(lines.buffer(), lines.from(), lines.to()) != null) {
                remaining++;
            }
        }
        return new DrainResult(sent, remaining, corrupt, failure);
    }

    private static long weight(SpooledEvent event) {
        return event.value().length + (event.key() == null ? 0 : event.key().length());
    }
}
