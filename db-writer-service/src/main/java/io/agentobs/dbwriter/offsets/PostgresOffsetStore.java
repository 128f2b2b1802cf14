package io.agentobs.dbwriter.offsets;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.agentobs.consumer.offsets.SinkOffsets;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer offsets in {@code agentobs_consumer_offsets} (migrations/V2): written in the transaction that writes a
 * batch's rows, read when partitions are assigned. Rows of another Kafka cluster are ignored, and replaced by the
 * next write.
 */
public class PostgresOffsetStore implements SinkOffsets {

    private static final Logger log = LoggerFactory.getLogger(PostgresOffsetStore.class);

    private static final String SELECT = """
            SELECT topic, kafka_partition, next_offset, kafka_cluster_id
            FROM agentobs_consumer_offsets
            WHERE consumer_group = ? AND topic = ANY (?)""";
    private static final String UPSERT = """
            INSERT INTO agentobs_consumer_offsets (consumer_group, topic, kafka_partition, next_offset, kafka_cluster_id, updated_at)
            SELECT ?, t.topic, t.kafka_partition, t.next_offset, ?, now()
            FROM unnest(?::text[], ?::integer[], ?::bigint[]) AS t (topic, kafka_partition, next_offset)
            ON CONFLICT (consumer_group, topic, kafka_partition) DO UPDATE
            SET next_offset = EXCLUDED.next_offset, kafka_cluster_id = EXCLUDED.kafka_cluster_id, updated_at = now()""";

    private final DataSource dataSource;
    private final String consumerGroup;

    public PostgresOffsetStore(DataSource dataSource, String consumerGroup) {
        this.dataSource = dataSource;
        this.consumerGroup = consumerGroup;
    }

    @Override
    public Map<TopicPartition, Long> load(String clusterId, Collection<TopicPartition> partitions) throws SQLException {
        Set<String> topics = new HashSet<>();
        partitions.forEach(p -> topics.add(p.topic()));
        Set<TopicPartition> wanted = new HashSet<>(partitions);
        Map<TopicPartition, Long> stored = new HashMap<>();
        Set<String> otherClusters = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, consumerGroup);
            select.setArray(2, connection.createArrayOf("text", topics.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    TopicPartition partition = new TopicPartition(rows.getString(1), rows.getInt(2));
                    if (!wanted.contains(partition)) {
                        continue;
                    }
                    if (clusterId.equals(rows.getString(4))) {
                        stored.put(partition, rows.getLong(3));
                    } else {
                        otherClusters.add(rows.getString(4));
                    }
                }
            }
        }
        if (!otherClusters.isEmpty()) {
            log.warn("Ignoring offsets stored for Kafka cluster(s) {}: this is cluster {}; those partitions start from "
                    + "Kafka's committed offsets", otherClusters, clusterId);
        }
        return stored;
    }

    /** Stores the next offsets of a batch on the batch's own connection, inside its transaction. */
    public void store(Connection connection, String clusterId, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        if (nextOffsets.isEmpty()) {
            return;
        }
        int n = nextOffsets.size();
        String[] topics = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        int i = 0;
        for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
            topics[i] = entry.getKey().topic();
            partitions[i] = entry.getKey().partition();
            offsets[i] = entry.getValue();
            i++;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, consumerGroup);
            upsert.setString(2, clusterId);
            upsert.setArray(3, array(connection, "text", topics));
            upsert.setArray(4, array(connection, "int4", partitions));
            upsert.setArray(5, array(connection, "int8", offsets));
            upsert.executeUpdate();
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
