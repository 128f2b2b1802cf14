package io.agentobs.cli.topics;

import io.agentobs.events.Topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics agentobs needs and their settings: SPEC §2's eight topics and a {@code <topic>-dlq} beside each, with
 * the same partition count (dead letters keep their key's partition order) and at least 30 days' retention so there
 * is time to inspect and redrive them.
 *
 * @param name topic name
 * @param partitions partition count
 * @param retention retention time
 * @param deadLetter whether this is a dead-letter topic
 */
record TopicPlan(String name, int partitions, Duration retention, boolean deadLetter) {

    static final Duration MIN_DLQ_RETENTION = Duration.ofDays(30);

    /** Every topic in catalog order, each followed by its dead-letter topic. */
    static List<TopicPlan> all(Integer partitionOverride) {
        List<TopicPlan> plans = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            int partitions = partitionOverride != null ? partitionOverride : topic.defaultPartitions();
            plans.add(new TopicPlan(topic.topicName(), partitions, topic.retention(), false));
            Duration dlqRetention = topic.retention().compareTo(MIN_DLQ_RETENTION) >= 0
                    ? topic.retention() : MIN_DLQ_RETENTION;
            plans.add(new TopicPlan(topic.dlqName(), partitions, dlqRetention, true));
        }
        return plans;
    }

    /** The topic-level configuration to create it with. */
    Map<String, String> configs(int minInsyncReplicas) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("retention.ms", Long.toString(retention.toMillis()));
        configs.put("cleanup.policy", "delete");
        configs.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
        return configs;
    }
}
