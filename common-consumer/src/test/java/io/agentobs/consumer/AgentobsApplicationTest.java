package io.agentobs.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Seed 000's {@code --config <file>} form is accepted next to Spring's {@code --key=value}. */
class AgentobsApplicationTest {

    @Test
    void spaceSeparatedConfigOptionBecomesAnAssignment() {
        assertThat(AgentobsApplication.normalise("--config", "/etc/a.json", "--server.port=1"))
                .containsExactly("--config=/etc/a.json", "--server.port=1");
    }

    @Test
    void otherArgumentsAreLeftAlone() {
        assertThat(AgentobsApplication.normalise("--config=/x.yml", "--debug")).containsExactly("--config=/x.yml", "--debug");
    }
}
