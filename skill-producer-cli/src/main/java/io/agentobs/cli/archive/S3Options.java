package io.agentobs.cli.archive;

import io.agentobs.cli.UsageException;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * The archive options {@code audit verify} and {@code replay} share; each overrides its environment variable. Plain
 * fields only: picocli reflects on this class whenever the command tree is built.
 */
public final class S3Options {

    @Option(names = "--bucket", paramLabel = "<bucket>", description = "The archive's bucket (default: S3_BUCKET).")
    private String bucket;

    @Option(names = "--prefix", paramLabel = "<prefix>",
            description = "Key prefix of the archive in the bucket (default: S3_PREFIX, else none).")
    private String prefix;

    @Option(names = "--endpoint", paramLabel = "<url>",
            description = "S3 endpoint override, e.g. http://localhost:9000 for MinIO or S3Proxy (default: "
                    + "S3_ENDPOINT, else AWS).")
    private String endpoint;

    @Option(names = "--path-style", arity = "0..1", fallbackValue = "true", paramLabel = "<true|false>",
            description = "Path-style requests, as MinIO and S3Proxy need (default: S3_PATH_STYLE, else false).")
    private Boolean pathStyle;

    /** The location these options and the environment name; see {@link ArchiveLocation#resolve}. */
    public ArchiveLocation location(Map<String, String> env) throws UsageException {
        return ArchiveLocation.resolve(env, bucket, prefix, endpoint, pathStyle);
    }
}
