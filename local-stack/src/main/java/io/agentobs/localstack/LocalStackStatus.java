package io.agentobs.localstack;

import java.nio.file.Path;

/**
 * The stack-wide facts the table shows beside the servers' addresses.
 *
 * @param dataDirectory where the data lives
 * @param kafkaData     whether Kafka's data survives a restart, and where
 * @param simulation    what {@code --simulate} does, or how to start traffic
 */
record LocalStackStatus(Path dataDirectory, String kafkaData, String simulation) {
}
