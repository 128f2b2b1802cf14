package io.agentobs.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, PostgreSQL, Redis and the S3 API on fixed ports, with PostgreSQL, Redis and S3 data kept under one base
 * directory ({@code postgres/}, {@code redis/}, {@code s3/}, pid files in {@code run/}) so it survives restarts;
 * Kafka's data is temporary with {@link #create} and kept in {@code kafka/} with {@link #createPersistent} (what the
 * local stack runs on).
 */
public final class InfraStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfraStack.class);

    private final KafkaServer kafka;
    private final PostgresServer postgres;
    private final RedisServer redis;
    private final S3Server s3;
    private final Path baseDirectory;

    /** The given servers; {@link #create} builds the real ones. */
    InfraStack(KafkaServer kafka, PostgresServer postgres, RedisServer redis, S3Server s3, Path baseDirectory) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
        this.s3 = s3;
        this.baseDirectory = baseDirectory;
    }

    /** The four servers, not started yet. */
    public static InfraStack create(InfraPorts ports, Path baseDirectory) {
        return withKafka(new EmbeddedKafkaServer(KafkaOptions.fixedPort(ports.kafka())), ports, baseDirectory);
    }

    /**
     * As {@link #create}, with Kafka's data kept too, in {@code kafka/} of the base directory
     * ({@link PersistentKafkaServer}): topics, records and committed offsets survive a restart.
     */
    public static InfraStack createPersistent(InfraPorts ports, Path baseDirectory) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        return withKafka(new PersistentKafkaServer(ports.kafka(), base.resolve("kafka"), 1), ports, base);
    }

    private static InfraStack withKafka(KafkaServer kafka, InfraPorts ports, Path baseDirectory) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path run = base.resolve("run");
        return new InfraStack(
                kafka,
                new EmbeddedPostgresServer(PostgresOptions.fixedPort(ports.postgres())
                        .withDataDirectory(base.resolve("postgres"))
                        .withPidFile(run.resolve("postgres.pid"))),
                new EmbeddedRedisServer(RedisOptions.fixedPort(ports.redis())
                        .withDataDirectory(base.resolve("redis"))
                        .withPidFile(run.resolve("redis.pid"))),
                new EmbeddedS3Server(S3Options.fixedPort(ports.s3())
                        .withDataDirectory(base.resolve("s3"))),
                base);
    }

    /** The bucket the audit logger archives into locally; created at start. */
    public static final String AUDIT_BUCKET = "agentobs-audit";

    /**
     * Starts the four servers in parallel and creates {@link #AUDIT_BUCKET}; if any fails, closes them all and
     * rethrows the first failure.
     */
    public void start() {
        ExecutorService executor = Executors.newFixedThreadPool(servers().size());
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        try {
            for (InfraServer server : servers()) {
                starts.add(CompletableFuture.runAsync(server::start, executor));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            s3.createBucket(AUDIT_BUCKET);
        } catch (CompletionException e) {
            RuntimeException failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            // allOf reports one failure; the others and a failing cleanup must not vanish behind it.
            starts.stream().filter(CompletableFuture::isCompletedExceptionally).map(InfraStack::failureOf)
                    .filter(other -> other != failure).forEach(failure::addSuppressed);
            try {
                close();
            } catch (RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        } finally {
            executor.shutdown();
        }
    }

    /**
     * Closes the stack when the JVM exits (Ctrl-C, SIGTERM). Call before {@link #start()}: Kafka's test kit
     * deletes its log directory in a JVM shutdown hook of its own, which would race the broker's shutdown and
     * fill the console with disk errors, so Kafka's hooks are deferred until the stack is closed.
     */
    public void closeOnShutdown() {
        closeOnShutdown(() -> { });
    }

    /**
     * As {@link #closeOnShutdown()}, running {@code beforeServers} first in the same hook, so what uses the servers
     * (the local stack's service processes) is stopped while they are still up.
     */
    public void closeOnShutdown(Runnable beforeServers) {
        List<Runnable> deferredKafkaHooks = new CopyOnWriteArrayList<>();
        Exit.setShutdownHookAdder((name, hook) -> deferredKafkaHooks.add(hook));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                beforeServers.run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping what runs on the servers failed; closing the servers anyway", e);
            }
            shutDown(deferredKafkaHooks);
        }, "agentobs-infra-shutdown"));
    }

    /** The shutdown hook's work: a failing close must not keep Kafka's hooks from deleting its directories. */
    void shutDown(List<Runnable> deferredHooks) {
        try {
            close();
        } finally {
            for (Runnable hook : deferredHooks) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    // Each hook cleans up something else; report this one and run the rest.
                    LOG.warn("A deferred Kafka shutdown hook failed", e);
                }
            }
        }
    }

    /** Closes every server, the last started first, even when some fail; data under the base directory stays. */
    @Override
    public void close() {
        Throwable failure = null;
        List<InfraServer> servers = servers();
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public RedisServer redis() {
        return redis;
    }

    public S3Server s3() {
        return s3;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    /** Where each server is, and the services' environment variables that point at them. */
    public String describe() {
        return String.join(System.lineSeparator(),
                "kafka      " + kafka.bootstrapServers(),
                "postgres   " + postgres.jdbcUrl() + "  (user " + postgres.username()
                        + ", password " + postgres.password() + ")",
                "redis      " + redis.uri(),
                "s3         " + s3.endpoint() + "  (path-style, region " + s3.region() + ", access key "
                        + s3.accessKey() + ", secret key " + s3.secretKey() + ")",
                "data       " + baseDirectory + "  (Kafka data is temporary)",
                "",
                "KAFKA_BROKERS=" + kafka.bootstrapServers(),
                "POSTGRES_HOST=" + postgres.host(),
                "POSTGRES_PORT=" + postgres.port(),
                "POSTGRES_DATABASE=" + postgres.database(),
                "POSTGRES_USER=" + postgres.username(),
                "POSTGRES_PASSWORD=" + postgres.password(),
                "REDIS_HOST=" + redis.host(),
                "REDIS_PORT=" + redis.port(),
                "S3_BUCKET=" + AUDIT_BUCKET,
                "S3_ENDPOINT=" + s3.endpoint(),
                "S3_PATH_STYLE=true",
                "AWS_ENDPOINT_URL_S3=" + s3.endpoint(),
                "AWS_REGION=" + s3.region(),
                "AWS_ACCESS_KEY_ID=" + s3.accessKey(),
                "AWS_SECRET_ACCESS_KEY=" + s3.secretKey());
    }

    private static Throwable failureOf(CompletableFuture<Void> completed) {
        try {
            completed.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        }
    }

    private List<InfraServer> servers() {
        return List.of(kafka, postgres, redis, s3);
    }
}
