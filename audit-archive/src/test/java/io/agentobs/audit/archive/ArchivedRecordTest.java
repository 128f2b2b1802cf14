package io.agentobs.audit.archive;

import static io.agentobs.audit.archive.Records.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArchivedRecordTest {

    private static ArchivedRecord record(byte[] key, byte[] value, byte[] header) {
        return new ArchivedRecord("t", 0, 1, 2, "CreateTime", key, value, List.of(new ArchivedHeader("h", header)),
                "e", "c", 3L, "a", "x", null);
    }

    @Test
    void equalsComparesByteArraysByContent() {
        ArchivedRecord one = record(utf8("k"), utf8("v"), utf8("h"));
        ArchivedRecord same = record(utf8("k"), utf8("v"), utf8("h"));

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(record(utf8("k"), utf8("w"), utf8("h")));
        assertThat(one).isNotEqualTo(record(utf8("k"), utf8("v"), null));
        assertThat(record(null, null, null)).isEqualTo(record(null, null, null));
    }

    @Test
    void nullHeadersMeanNone() {
        ArchivedRecord record = new ArchivedRecord("t", 0, 1, 2, "CreateTime", null, null, null,
                null, null, null, null, null, null);

        assertThat(record.headers()).isEmpty();
    }
}
