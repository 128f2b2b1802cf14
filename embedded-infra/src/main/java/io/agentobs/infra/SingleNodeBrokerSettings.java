package io.agentobs.infra;

import java.util.Map;

/** The broker settings every embedded single-node Kafka shares, whether its data is temporary or kept. */
final class SingleNodeBrokerSettings {

    private SingleNodeBrokerSettings() {
    }

    /** Adds the settings to a broker's properties. */
    static void addTo(Map<String, String> properties) {
        // One node: every internal topic must make do with one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions: the first consumer group and transaction are ready sooner.
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        // A consumer joining a group is assigned at once instead of after 3 s.
        properties.put("group.initial.rebalance.delay.ms", "0");
    }
}
