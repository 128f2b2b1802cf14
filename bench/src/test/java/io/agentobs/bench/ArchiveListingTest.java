package io.agentobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchiveObject;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The footer check and the per-topic sizes over a backlog that spans several topics. */
class ArchiveListingTest {

    private static final TopicPartition ACTIONS_0 = new TopicPartition("agent-actions", 0);
    private static final TopicPartition TASKS_0 = new TopicPartition("task-executions", 0);

    /** Two actions at offsets 0 and 1 of agent-actions-0, one task at offset 0 of task-executions-0. */
    private final Backlog backlog = new Backlog(List.of(new Backlog.Stored(ACTIONS_0, 0, 99),
            new Backlog.Stored(ACTIONS_0, 1, 99), new Backlog.Stored(TASKS_0, 0, 499)), List.of(), 1, 1);

    @Test
    void objectsOfEveryTopicPartitionHoldTheBacklog() {
        ArchiveListing listing = new ArchiveListing(List.of(object("agent-actions", 0, 2, 700),
                object("task-executions", 0, 1, 300)));

        listing.requireExactly(backlog);
        assertThat(TopicArchiveSize.of(List.of("agent-actions", "task-executions", "success-patterns"), backlog,
                listing)).containsExactly(new TopicArchiveSize("agent-actions", 2, 200, 700, 1),
                new TopicArchiveSize("task-executions", 1, 500, 300, 1),
                new TopicArchiveSize("success-patterns", 0, 0, 0, 0));
        assertThat(backlog.ndjsonBytes()).isEqualTo(700);
    }

    @Test
    void anObjectOfTheSamePartitionNumberOnAnotherTopicDoesNotCount() {
        // as many records, but the task's partition has no object: agent-actions-0 holds three
        ArchiveListing listing = new ArchiveListing(List.of(object("agent-actions", 0, 3, 900)));

        assertThatIllegalStateException().isThrownBy(() -> listing.requireExactly(backlog))
                .withMessageContaining("offset 0 of partition task-executions-0");
    }

    @Test
    void aRecordCountOtherThanTheBacklogsFails() {
        ArchiveListing listing = new ArchiveListing(List.of(object("agent-actions", 0, 2, 700)));

        assertThatIllegalStateException().isThrownBy(() -> listing.requireExactly(backlog))
                .withMessageContaining("the backlog has 3 events");
    }

    private static ArchiveListing.Listed object(String topic, int partition, long records, long bytes) {
        return new ArchiveListing.Listed(new ArchiveObject(topic + "/" + partition, bytes),
                new ArchiveFileInfo(topic, partition, 0, records, records, 0, 0));
    }
}
