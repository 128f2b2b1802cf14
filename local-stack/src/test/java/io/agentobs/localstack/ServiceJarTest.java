package io.agentobs.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarTest {

    @TempDir
    Path home;

    @Test
    void findsTheRepackagedJarAndSkipsSourcesTestsAndPlainJars() throws IOException {
        Path target = Files.createDirectories(home.resolve("db-writer-service/target"));
        for (String name : new String[] {"db-writer-service-0.1.0-SNAPSHOT-sources.jar",
                "db-writer-service-0.1.0-SNAPSHOT-tests.jar", "db-writer-service-0.1.0-SNAPSHOT-plain.jar",
                "db-writer-service-0.1.0-SNAPSHOT.jar"}) {
            Files.createFile(target.resolve(name));
        }

        assertThat(ServiceJar.find(home, "db-writer-service"))
                .hasValue(target.resolve("db-writer-service-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void aServiceWithoutTargetFolderHasNoJar() {
        assertThat(ServiceJar.find(home, "alert-manager-service")).isEmpty();
    }
}
