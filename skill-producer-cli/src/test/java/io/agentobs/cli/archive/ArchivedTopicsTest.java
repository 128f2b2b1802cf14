package io.agentobs.cli.archive;

import io.agentobs.cli.UsageException;
import io.agentobs.events.Topic;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchivedTopicsTest {

    @Test
    void allStandsForTheEightCatalogTopics() throws UsageException {
        assertThat(ArchivedTopics.parse(List.of("all")))
                .containsExactlyElementsOf(Arrays.stream(Topic.values()).map(Topic::topicName).toList())
                .hasSize(8);
    }

    @Test
    void repeatedTopicsKeepTheirOrderAndCountOnce() throws UsageException {
        assertThat(ArchivedTopics.parse(List.of("task-executions", " agent-actions", "task-executions")))
                .containsExactly("task-executions", "agent-actions");
    }

    @Test
    void aTopicOutsideTheCatalogIsAUsageErrorListingTheCatalog() {
        assertThatThrownBy(() -> ArchivedTopics.parse(List.of("agent-acitons")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("agent-acitons")
                .hasMessageContaining("agent-actions, agent-routing-decisions");
        assertThatThrownBy(() -> ArchivedTopics.parse(List.of())).isInstanceOf(UsageException.class);
    }
}
