package io.agentobs.cli.spool;

import static io.agentobs.cli.spool.SpoolEvents.event;
import static io.agentobs.cli.spool.SpoolEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending, draining in order and in chunks, partial drains and emptiness of the spool. */
class SpoolTest {

    @TempDir
    Path temp;

    @Test
    void drainSendsWhatWasAppendedInOrderByteForByte() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (255 - i);
        }
        List<SpooledEvent> first = List.of(
                event("agent-actions", null, "{\"event_id\":\"e1\"}"),
                event("agent-routing-decisions", "corr-2", "multi\nline\r\nvalue ü 日本 🚀"));
        List<SpooledEvent> second = List.of(
                new SpooledEvent("task-executions", "clé-ü", binary),
                event("code-quality-metrics", "", ""));
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(first);
        spool.append(second);

        RecordingSender sender = RecordingSender.acknowledging();
        DrainResult result = spool.drain(sender);

        List<SpooledEvent> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertThat(sender.events()).containsExactlyElementsOf(expected);
        assertThat(result).isEqualTo(new DrainResult(4, 0, 0, null));
        assertThat(result.complete()).isTrue();
    }

    @Test
    void emptyUntilAppendedAndAgainAfterAFullDrain() throws Exception {
        Path directory = temp.resolve("not-yet").resolve("spool");
        Spool spool = new Spool(directory);

        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.size()).isZero();
        assertThat(spool.drain(RecordingSender.acknowledging())).isEqualTo(new DrainResult(0, 0, 0, null));
        assertThat(directory.getParent()).doesNotExist();

        spool.append(numbered(0, 3));
        assertThat(spool.isEmpty()).isFalse();
        assertThat(spool.size()).isEqualTo(3);

        spool.drain(RecordingSender.acknowledging());
        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.size()).isZero();
        assertThat(directory.resolve(Spool.DATA_FILE)).doesNotExist();
        assertThat(directory.resolve(Spool.POSITION_FILE)).doesNotExist();
    }

    @Test
    void appendingNothingDoesNotCreateTheSpool() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));

        spool.append(List.of());

        assertThat(spool.directory()).doesNotExist();
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void aFailedChunkAndEverythingAfterItStaySpooledWhileAcknowledgedChunksAreNotResent() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 1200));

        RecordingSender failing = RecordingSender.failingCall(2);
        DrainResult failed = spool.drain(failing);

        assertThat(failed.sent()).isEqualTo(500);
        assertThat(failed.remaining()).isEqualTo(700);
        assertThat(failed.corrupt()).isZero();
        assertThat(failed.complete()).isFalse();
        assertThat(failed.failure()).hasMessage("broker unreachable");
        assertThat(failing.events()).containsExactlyElementsOf(numbered(0, 500));
        assertThat(failing.attempted().get(1)).containsExactlyElementsOf(numbered(500, 1000));
        assertThat(spool.isEmpty()).isFalse();
        assertThat(spool.size()).isEqualTo(700);

        RecordingSender second = RecordingSender.acknowledging();
        DrainResult completed = new Spool(temp.resolve("spool")).drain(second);

        assertThat(second.events()).containsExactlyElementsOf(numbered(500, 1200));
        assertThat(second.chunkSizes()).containsExactly(500, 200);
        assertThat(completed).isEqualTo(new DrainResult(700, 0, 0, null));
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void aCrashWhileSendingResendsOnlyTheUnacknowledgedChunk() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 1200));
        SpoolSender crashing = chunk -> {
            if (chunk.get(0).equals(numbered(500, 501).get(0))) {
                throw new SimulatedCrash();
            }
        };

        assertThatThrownBy(() -> spool.drain(crashing)).isInstanceOf(SimulatedCrash.class);

        RecordingSender afterRestart = RecordingSender.acknowledging();
        assertThat(new Spool(temp.resolve("spool")).drain(afterRestart).sent()).isEqualTo(700);
        assertThat(afterRestart.events()).containsExactlyElementsOf(numbered(500, 1200));
    }

    @Test
    void chunksHoldAtMostAboutOneMebibyte() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        List<SpooledEvent> large = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            large.add(new SpooledEvent("agent-actions", null, new byte[400 * 1024]));
        }
        spool.append(large);

        RecordingSender sender = RecordingSender.acknowledging();
        spool.drain(sender);

        assertThat(sender.chunkSizes()).containsExactly(2, 2, 1);
    }

    @Test
    void eventsAppendedAfterAPartialDrainFollowTheOlderOnes() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"));
        spool.append(numbered(0, 800));
        spool.drain(RecordingSender.failingCall(2));

        spool.append(numbered(800, 900));
        RecordingSender sender = RecordingSender.acknowledging();
        spool.drain(sender);

        assertThat(sender.events()).containsExactlyElementsOf(numbered(500, 900));
    }

    @Test
    void eventsKeepValueSemantics() {
        SpooledEvent event = event("agent-actions", "k", "v");

        assertThat(event).isEqualTo(event("agent-actions", "k", "v")).isNotEqualTo(event("agent-actions", null, "v"));
        assertThat(event).hasSameHashCodeAs(event("agent-actions", "k", "v"));
        assertThat(event.toString()).contains("agent-actions", "k", "1 bytes");
    }

    /** Stands for the process dying in the middle of a send. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }
}
