package io.agentobs.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

import io.agentobs.infra.InfraStack;
import io.agentobs.infra.PostgresServer;
import io.agentobs.infra.RedisServer;
import io.agentobs.infra.S3Server;

/**
 * The environment every service of the stack gets: where Kafka, PostgreSQL, Redis and the S3 API are, in the
 * variables the services' READMEs document. Each service reads the ones it needs and ignores the rest.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** The servers' addresses and credentials, then {@code overrides} on top. */
    static Map<String, String> of(InfraStack stack, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BROKERS", stack.kafka().bootstrapServers());
        PostgresServer postgres = stack.postgres();
        env.put("POSTGRES_HOST", postgres.host());
        env.put("POSTGRES_PORT", Integer.toString(postgres.port()));
        env.put("POSTGRES_DATABASE", postgres.database());
        env.put("POSTGRES_USER", postgres.username());
        env.put("POSTGRES_PASSWORD", postgres.password());
        RedisServer redis = stack.redis();
        env.put("REDIS_HOST", redis.host());
        env.put("REDIS_PORT", Integer.toString(redis.port()));
        S3Server s3 = stack.s3();
        env.put("S3_BUCKET", InfraStack.AUDIT_BUCKET);
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_PATH_STYLE", "true");
        env.put("S3_REGION", s3.region());
        env.put("AWS_REGION", s3.region());
        env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        env.putAll(overrides);
        return env;
    }
}
