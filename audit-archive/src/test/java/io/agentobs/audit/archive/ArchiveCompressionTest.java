package io.agentobs.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveCompressionTest {

    @ParameterizedTest
    @CsvSource({
            "zstd, ZSTD",
            "ZSTD, ZSTD",
            "Snappy, SNAPPY",
            "gzip, GZIP",
            "uncompressed, UNCOMPRESSED",
            "none, UNCOMPRESSED",
            "NONE, UNCOMPRESSED"})
    void parsesNamesCaseInsensitively(String text, ArchiveCompression expected) {
        assertThat(ArchiveCompression.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownNameIsRejectedWithTheAllowedValues() {
        assertThatThrownBy(() -> ArchiveCompression.parse("lz4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lz4'")
                .hasMessageContaining("zstd, snappy, gzip, uncompressed")
                .hasMessageContaining("none");
        assertThatThrownBy(() -> ArchiveCompression.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
