-- Consumer offsets stored in the same transaction as the rows they cover (SPEC §4.1): on partition assignment the
-- service resumes from next_offset, so a crash between the database commit and the Kafka commit neither loses nor
-- repeats a batch. kafka_cluster_id ties the offsets to one Kafka cluster: offsets of another cluster are ignored.
CREATE TABLE agentobs_consumer_offsets (
    consumer_group   text        NOT NULL,
    topic            text        NOT NULL,
    kafka_partition  integer     NOT NULL,
    next_offset      bigint      NOT NULL CHECK (next_offset >= 0),
    kafka_cluster_id text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);
COMMENT ON TABLE agentobs_consumer_offsets IS 'Next Kafka offset to read per group and partition, written with the rows.';
