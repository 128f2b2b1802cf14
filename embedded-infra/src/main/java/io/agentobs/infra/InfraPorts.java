package io.agentobs.infra;

/**
 * Fixed ports of the local stack's servers. PostgreSQL defaults to 15432, not 5432, because a developer machine
 * often runs its own PostgreSQL on 5432 (this one has the binaries installed); the others keep their usual ports.
 */
public record InfraPorts(int kafka, int postgres, int redis, int s3) {

    public static final int DEFAULT_KAFKA = 9092;
    public static final int DEFAULT_POSTGRES = 15432;
    public static final int DEFAULT_REDIS = 6379;
    public static final int DEFAULT_S3 = 9000;

    public InfraPorts {
        for (int port : new int[] {kafka, postgres, redis, s3}) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("a fixed port must be 1-65535, was " + port);
            }
        }
    }

    /** 9092, 15432, 6379, 9000. */
    public static InfraPorts defaults() {
        return new InfraPorts(DEFAULT_KAFKA, DEFAULT_POSTGRES, DEFAULT_REDIS, DEFAULT_S3);
    }
}
