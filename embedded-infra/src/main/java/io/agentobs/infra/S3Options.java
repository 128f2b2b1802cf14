package io.agentobs.infra;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run an embedded S3 API.
 *
 * @param port           port, or 0 for a free one chosen at first start
 * @param dataDirectory  directory of a filesystem blob store kept across runs, or empty for an in-memory store
 * @param region         region clients sign for
 * @param accessKey      the one access key id accepted
 * @param secretKey      its secret
 */
public record S3Options(int port, Optional<Path> dataDirectory, String region, String accessKey, String secretKey) {

    public S3Options {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (random) or 1-65535, was " + port);
        }
    }

    /** For tests: a free port, an in-memory store, fixed credentials. */
    public static S3Options randomPort() {
        return new S3Options(0, Optional.empty(), "us-east-1", "agentobs", "agentobs-secret");
    }

    /** For the local stack: the given port, otherwise as {@link #randomPort()}. */
    public static S3Options fixedPort(int port) {
        return randomPort().withPort(port);
    }

    public S3Options withPort(int newPort) {
        return new S3Options(newPort, dataDirectory, region, accessKey, secretKey);
    }

    public S3Options withDataDirectory(Path directory) {
        return new S3Options(port, Optional.of(directory), region, accessKey, secretKey);
    }
}
