package io.agentobs.cli.archive;

import io.agentobs.cli.EnvFlag;
import io.agentobs.cli.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where the audit archive is and how to reach it: the audit-logger's environment variables ({@code S3_BUCKET},
 * {@code S3_PREFIX}, {@code S3_ENDPOINT}, {@code S3_REGION}, {@code S3_PATH_STYLE}) overridden by the command's
 * options. Plain values only, so that the commands holding it never load the S3 client's classes.
 *
 * @param bucket the bucket
 * @param prefix the key prefix, as given ("" for none; the archive normalises it)
 * @param endpoint an endpoint override (MinIO, S3Proxy), or null for AWS's regional endpoint
 * @param region the signing region
 * @param pathStyle path-style requests ({@code http://host/bucket/key}), which MinIO and S3Proxy need
 * @param accessKey {@code AWS_ACCESS_KEY_ID} when both keys are given and no session token; else null, and the AWS
 *        SDK's default credentials chain decides
 * @param secretKey {@code AWS_SECRET_ACCESS_KEY}, with the same rule
 */
public record ArchiveLocation(String bucket, String prefix, URI endpoint, String region, boolean pathStyle,
        String accessKey, String secretKey) {

    static final String DEFAULT_REGION = "us-east-1";

    /**
     * The environment's settings with the options' overrides (each null when not given).
     *
     * @throws UsageException when no bucket is set, or the endpoint or path-style value is malformed
     */
    public static ArchiveLocation resolve(Map<String, String> env, String bucketOption, String prefixOption,
            String endpointOption, Boolean pathStyleOption) throws UsageException {
        String bucket = firstSet(bucketOption, env.get("S3_BUCKET"));
        if (bucket == null) {
            throw new UsageException("no S3 bucket: set S3_BUCKET or pass --bucket");
        }
        String prefix = firstSet(prefixOption, env.get("S3_PREFIX"));
        String endpointText = firstSet(endpointOption, env.get("S3_ENDPOINT"));
        String region = firstSet(null, env.get("S3_REGION"));
        boolean pathStyle = pathStyleOption != null ? pathStyleOption : EnvFlag.read(env, "S3_PATH_STYLE", false);
        String accessKey = firstSet(null, env.get("AWS_ACCESS_KEY_ID"));
        String secretKey = firstSet(null, env.get("AWS_SECRET_ACCESS_KEY"));
        // A session token needs the SDK's own chain (static keys without it are refused), as do half-given keys.
        boolean sessionToken = firstSet(null, env.get("AWS_SESSION_TOKEN")) != null;
        boolean staticKeys = accessKey != null && secretKey != null && !sessionToken;
        return new ArchiveLocation(bucket, prefix == null ? "" : prefix,
                endpointText == null ? null : endpoint(endpointText, endpointOption != null),
                region == null ? DEFAULT_REGION : region, pathStyle,
                staticKeys ? accessKey : null, staticKeys ? secretKey : null);
    }

    /** {@code s3://bucket/prefix} and the endpoint when overridden, for messages and reports. */
    public String describe() {
        String where = "s3://" + bucket + "/" + (prefix.startsWith("/") ? prefix.substring(1) : prefix);
        return endpoint == null ? where : where + " at " + endpoint;
    }

    /** Without the secret key: the location may end up in an error message. */
    @Override
    public String toString() {
        return "ArchiveLocation[" + describe() + ", region " + region + (pathStyle ? ", path-style" : "")
                + (accessKey != null ? ", access key " + accessKey : ", default credentials") + "]";
    }

    private static URI endpoint(String text, boolean fromOption) throws UsageException {
        String source = fromOption ? "--endpoint" : "S3_ENDPOINT";
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new UsageException(source + " must be an http(s) URL such as http://localhost:9000, got '"
                        + text + "'");
            }
            return uri;
        } catch (URISyntaxException malformed) {
            throw new UsageException(source + " must be an http(s) URL such as http://localhost:9000, got '" + text
                    + "'");
        }
    }

    private static String firstSet(String option, String variable) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        return variable == null || variable.isBlank() ? null : variable.trim();
    }
}
