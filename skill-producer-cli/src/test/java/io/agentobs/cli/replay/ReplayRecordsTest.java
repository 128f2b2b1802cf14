package io.agentobs.cli.replay;

import io.agentobs.audit.archive.ArchivedHeader;
import io.agentobs.audit.archive.ArchivedRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayRecordsTest {

    @Test
    void keyValueHeadersPartitionAndTimestampAreTheArchivedOnes() {
        byte[] key = {0, 1, 2};
        byte[] value = {(byte) 0xff, 'x'};
        ArchivedRecord archived = new ArchivedRecord("agent-actions", 7, 42, 1_790_000_000_000L, "CreateTime", key,
                value, List.of(new ArchivedHeader("a", new byte[] {1}), new ArchivedHeader("a", new byte[] {2}),
                new ArchivedHeader("empty", null)), "e", "c", 1L, "agent", "tool_call", null);

        ProducerRecord<byte[], byte[]> record = ReplayRecords.toProducerRecord(archived, "copy");

        assertThat(record.topic()).isEqualTo("copy");
        assertThat(record.partition()).isEqualTo(7);
        assertThat(record.timestamp()).isEqualTo(1_790_000_000_000L);
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(value);
        Header[] headers = record.headers().toArray();
        assertThat(headers).extracting(Header::key).containsExactly("a", "a", "empty");
        assertThat(headers[0].value()).containsExactly(1);
        assertThat(headers[1].value()).containsExactly(2);
        assertThat(headers[2].value()).isNull();
    }

    @Test
    void aRecordWithoutTimestampGetsTheProducersAndANullKeyStaysNull() {
        ArchivedRecord archived = new ArchivedRecord("agent-actions", 0, 1, -1, "NoTimestampType", null,
                new byte[] {1}, List.of(), null, null, null, null, null, null);

        ProducerRecord<byte[], byte[]> record = ReplayRecords.toProducerRecord(archived, "agent-actions");

        assertThat(record.timestamp()).isNull();
        assertThat(record.key()).isNull();
    }
}
