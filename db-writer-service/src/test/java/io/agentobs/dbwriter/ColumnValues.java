package io.agentobs.dbwriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import io.agentobs.dbwriter.table.EventTables;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventJson;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.util.PGobject;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks a stored row column by column against the JSON event it came from. */
final class ColumnValues {

    private ColumnValues() {
    }

    /** Asserts every column the service writes holds the event's value. */
    static void assertRowHolds(Topic topic, ObjectNode event, RecordMetadata sent, Map<String, Object> row) {
        for (String column : EventTables.columns(topic)) {
            Object stored = row.get(column);
            String where = topic.topicName() + " " + event.get("event_id").asString() + " column " + column;
            switch (column) {
                case "event_time" -> assertThat(((Timestamp) stored).toInstant()).as(where)
                        .isEqualTo(Instant.parse(event.get("timestamp").asString()));
                case "schema_version" -> assertThat(stored).as(where)
                        .isEqualTo(event.has("schema_version") ? event.get("schema_version").asInt() : 1);
                case "extra_fields" -> assertThat(json(stored)).as(where)
                        .isEqualTo(EventJson.mapper().createObjectNode().set("x_extra", event.get("x_extra")));
                case "kafka_partition" -> assertThat(stored).as(where).isEqualTo(sent.partition());
                case "kafka_offset" -> assertThat(stored).as(where).isEqualTo(sent.offset());
                default -> assertField(where, event.get(column), stored);
            }
        }
    }

    private static void assertField(String where, JsonNode expected, Object stored) {
        if (expected == null || expected.isNull()) {
            assertThat(stored).as(where).isNull();
        } else if (expected.isContainer()) {
            assertThat(json(stored)).as(where).isEqualTo(expected);
        } else if (expected.isNumber()) {
            assertThat(new BigDecimal(stored.toString())).as(where).isEqualByComparingTo(expected.decimalValue());
        } else if (expected.isBoolean()) {
            assertThat(stored).as(where).isEqualTo(expected.booleanValue());
        } else {
            assertThat(stored.toString()).as(where).isEqualTo(expected.asString());
        }
    }

    private static JsonNode json(Object stored) {
        assertThat(stored).isInstanceOf(PGobject.class);
        return EventJson.mapper().readTree(((PGobject) stored).getValue());
    }
}
