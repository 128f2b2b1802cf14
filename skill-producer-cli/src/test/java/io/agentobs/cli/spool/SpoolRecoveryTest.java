package io.agentobs.cli.spool;

import static io.agentobs.cli.spool.SpoolEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery from torn appends, corrupted records and stale or damaged drain positions. */
class SpoolRecoveryTest {

    @TempDir
    Path temp;

    @Test
    void aTornLastRecordIsDroppedAndLaterAppendsStayReadable() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 3));
        tearTail(spool);

        assertThat(spool.size()).isEqualTo(3);
        spool.append(numbered(3, 5));
        RecordingSender sender = RecordingSender.acknowledging();
        DrainResult result = spool.drain(sender);

        assertThat(sender.events()).containsExactlyElementsOf(numbered(0, 5));
        assertThat(result).isEqualTo(new DrainResult(5, 0, 0, null));
        assertThat(corruptFiles()).isEmpty();
    }

    @Test
    void aTornLastRecordDoesNotWedgeADrain() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 3));
        tearTail(spool);

        RecordingSender sender = RecordingSender.acknowledging();
        DrainResult result = spool.drain(sender);

        assertThat(sender.events()).containsExactlyElementsOf(numbered(0, 3));
        assertThat(result.complete()).isTrue();
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void aSpoolHoldingOnlyATornRecordDrainsToEmpty() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        Files.createDirectories(spool.directory());
        Files.write(dataFile(spool), new byte[] {0, 0, 0, 0}, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(spool.isEmpty()).isFalse();

        assertThat(spool.drain(RecordingSender.acknowledging())).isEqualTo(new DrainResult(0, 0, 0, null));
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void corruptedCompleteRecordsAreMovedAsideAndCounted() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        for (SpooledEvent event : numbered(0, 4)) {
            spool.append(List.of(event));
        }
        List<String> lines = Files.readAllLines(dataFile(spool), StandardCharsets.US_ASCII);
        String checksumMismatch = damageValue(lines.get(1));
        lines.set(1, checksumMismatch);
        lines.add(3, "not a spool record");
        Files.write(dataFile(spool), lines, StandardCharsets.US_ASCII);

        assertThat(spool.size()).isEqualTo(3);
        RecordingSender sender = RecordingSender.acknowledging();
        DrainResult result = spool.drain(sender);

        List<SpooledEvent> appended = numbered(0, 4);
        assertThat(sender.events()).containsExactly(appended.get(0), appended.get(2), appended.get(3));
        assertThat(result).isEqualTo(new DrainResult(3, 0, 2, null));
        assertThat(corruptFiles()).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("corrupt-.+\\.ndjson");
            assertThat(Files.readAllLines(file, StandardCharsets.US_ASCII))
                    .containsExactly(checksumMismatch, "not a spool record");
        });
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void aCorruptRecordIsMovedAsideOnceEvenWhenTheDrainFailsAfterIt() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 2));
        Files.write(dataFile(spool), "garbage\n".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        spool.append(numbered(2, 4));

        DrainResult failed = spool.drain(RecordingSender.failingCall(2));
        assertThat(failed).extracting(DrainResult::sent, DrainResult::remaining, DrainResult::corrupt)
                .containsExactly(2, 2, 1);

        RecordingSender sender = RecordingSender.acknowledging();
        assertThat(spool.drain(sender)).isEqualTo(new DrainResult(2, 0, 0, null));
        assertThat(sender.events()).containsExactlyElementsOf(numbered(2, 4));
        assertThat(corruptFiles()).singleElement()
                .satisfies(file -> assertThat(Files.readAllLines(file)).containsExactly("garbage"));
    }

    @Test
    void anUnreadablePositionResendsFromTheStartRatherThanSkipping() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 700));
        spool.drain(RecordingSender.failingCall(2));
        Files.write(spool.directory().resolve(Spool.POSITION_FILE), "00000000000000000042 0badf00d\n".getBytes(
                StandardCharsets.US_ASCII));

        RecordingSender sender = RecordingSender.acknowledging();
        spool.drain(sender);

        assertThat(sender.events()).containsExactlyElementsOf(numbered(0, 700));
    }

    @Test
    void aPositionLeftByAnInterruptedCleanupDoesNotSkipNewEvents() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 3));
        spool.drain(RecordingSender.acknowledging());
        long secondRecordEnd = 2L * RecordCodec.encode(numbered(0, 1).get(0)).length;
        Files.write(spool.directory().resolve(Spool.POSITION_FILE), SpoolPosition.format(secondRecordEnd));

        spool.append(numbered(3, 6));
        RecordingSender sender = RecordingSender.acknowledging();
        spool.drain(sender);

        assertThat(sender.events()).containsExactlyElementsOf(numbered(3, 6));
    }

    /** What a crash in the middle of an append leaves: part of a record, without its newline. */
    private static void tearTail(Spool spool) throws IOException {
        Files.write(dataFile(spool), "{\"v\":1,\"crc32c\":\"0123".getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.APPEND);
    }

    /** The line with one Base64 character of its value changed: still well-formed, but the checksum fails. */
    private static String damageValue(String line) {
        int at = line.indexOf("\"value\":\"") + "\"value\":\"".length();
        char replacement = line.charAt(at) == 'A' ? 'B' : 'A';
        return line.substring(0, at) + replacement + line.substring(at + 1);
    }

    private static Path dataFile(Spool spool) {
        return spool.directory().resolve(Spool.DATA_FILE);
    }

    private List<Path> corruptFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("spool"))) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().startsWith("corrupt-")).toList());
        }
    }
}
