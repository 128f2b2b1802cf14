package io.agentobs.cli.spool;

import static io.agentobs.cli.spool.SpoolEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spools that cannot be written report the path and the reason. */
class SpoolErrorsTest {

    @TempDir
    Path temp;

    @Test
    void aDirectoryThatCannotBeCreatedIsReportedWithItsPathAndReason() throws Exception {
        Path regularFile = Files.createFile(temp.resolve("regular-file"));
        Path directory = regularFile.resolve("spool");
        Spool spool = new Spool(directory);

        assertThatThrownBy(() -> spool.append(numbered(0, 1)))
                .isInstanceOf(SpoolException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("Not a directory");
        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.size()).isZero();
        assertThat(spool.drain(RecordingSender.acknowledging()).complete()).isTrue();
    }

    @Test
    void aSpoolPathThatIsAFileIsReported() throws Exception {
        Path directory = Files.createFile(temp.resolve("spool"));

        assertThatThrownBy(() -> new Spool(directory).append(numbered(0, 1)))
                .isInstanceOf(SpoolException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void aReadOnlyDirectoryIsReportedWithItsPathAndReason() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path directory = Files.createDirectory(temp.resolve("spool"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
        try {
            Assumptions.assumeFalse(permissionsIgnored(directory), "permissions are not enforced (running as root)");

            assertThatThrownBy(() -> new Spool(directory).append(numbered(0, 1)))
                    .isInstanceOf(SpoolException.class)
                    .hasMessageContaining(directory.toString())
                    .hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean permissionsIgnored(Path readOnlyDirectory) {
        try {
            Files.delete(Files.createFile(readOnlyDirectory.resolve("probe")));
            return true;
        } catch (IOException expected) {
            return false;
        }
    }
}
