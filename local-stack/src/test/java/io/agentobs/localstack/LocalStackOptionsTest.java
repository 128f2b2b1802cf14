package io.agentobs.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import io.agentobs.infra.InfraPorts;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    private static final Path HOME = Path.of("/repo");

    @Test
    void withoutOptionsTheStackUsesTheDocumentedPortsAndDataFolder() {
        LocalStackOptions options = LocalStackOptions.parse(HOME);

        assertThat(options.infraPorts()).isEqualTo(InfraPorts.defaults());
        assertThat(options.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(options.simulateRate()).isEmpty();
        assertThat(options.clean()).isFalse();
        assertThat(FleetService.all()).extracting(options::portOf).containsExactly(8081, 8082, 8083, 8084, 8085);
    }

    @Test
    void simulateTakesItsRateAfterAnEqualsSignOrAsTheNextArgumentOrDefaultsToFifty() {
        assertThat(LocalStackOptions.parse(HOME, "--simulate").simulateRate()).hasValue(50);
        assertThat(LocalStackOptions.parse(HOME, "--simulate=200").simulateRate()).hasValue(200);
        assertThat(LocalStackOptions.parse(HOME, "--simulate", "200", "--clean").simulateRate()).hasValue(200);
        assertThat(LocalStackOptions.parse(HOME, "--simulate", "--clean").clean()).isTrue();
    }

    @Test
    void portsDataFolderAndServiceEnvironmentCanBeChanged() {
        LocalStackOptions options = LocalStackOptions.parse(HOME, "--data-dir=/tmp/x", "--kafka-port=19092",
                "--postgres-port=25432", "--redis-port=16379", "--s3-port=19000", "--db-writer-service-port=18081",
                "--env=AUDIT_IDLE_FLUSH=5s", "--readiness-timeout=60");

        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.infraPorts()).isEqualTo(new InfraPorts(19092, 25432, 16379, 19000));
        assertThat(options.servicePorts()).isEqualTo(Map.of("db-writer-service", 18081));
        assertThat(options.serviceEnvironment()).isEqualTo(Map.of("AUDIT_IDLE_FLUSH", "5s"));
        assertThat(options.readinessTimeout()).hasSeconds(60);
    }

    @Test
    void aWrongOptionIsRefusedNamingIt() {
        assertThatThrownBy(() -> LocalStackOptions.parse(HOME, "--kafka-port=x"))
                .hasMessageContaining("--kafka-port");
        assertThatThrownBy(() -> LocalStackOptions.parse(HOME, "--no-such-service-port=1"))
                .hasMessageContaining("unknown option --no-such-service-port=1");
        assertThatThrownBy(() -> LocalStackOptions.parse(HOME, "--simulate=-3")).hasMessageContaining("--simulate");
        assertThatThrownBy(() -> LocalStackOptions.parse(HOME, "--env=novalue")).hasMessageContaining("KEY=VALUE");
    }
}
