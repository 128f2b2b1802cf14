package io.agentobs.consumer.offsets;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;

/**
 * The id of the Kafka cluster the service consumes from, stored with sink-held offsets so that offsets from
 * another cluster (whose partitions hold different records at the same offsets) are never used. Looked up once.
 */
public class KafkaClusterId {

    private final Admin admin;
    private final Duration timeout;
    private volatile String clusterId;

    public KafkaClusterId(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The cluster id; asks the cluster on first use. */
    public String get() throws InterruptedException, ExecutionException, TimeoutException {
        String known = clusterId;
        if (known == null) {
            known = admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            clusterId = known;
        }
        return known;
    }
}
