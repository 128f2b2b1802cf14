package io.agentobs.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts Kafka, PostgreSQL, Redis and the S3 API on fixed ports, prints where they are and keeps them up until
 * Ctrl-C. Options: {@code --base-dir=DIR} (default {@code .agentobs/infra}), {@code --kafka-port=},
 * {@code --postgres-port=}, {@code --redis-port=}, {@code --s3-port=} (defaults in {@link InfraPorts}).
 */
public final class InfraMain {

    /** Printed once everything is up; scripts and tests wait for it. */
    public static final String READY_LINE = "agentobs infra ready";

    private static final String LOGBACK_CONFIG = "io/agentobs/infra/infra-main-logback.xml";

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger exists: the libraries' default (DEBUG for everything) buries the summary.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        Path baseDirectory = Path.of(".agentobs", "infra");
        int kafka = InfraPorts.DEFAULT_KAFKA;
        int postgres = InfraPorts.DEFAULT_POSTGRES;
        int redis = InfraPorts.DEFAULT_REDIS;
        int s3 = InfraPorts.DEFAULT_S3;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--base-dir=")) {
                baseDirectory = Path.of(value);
            } else if (arg.startsWith("--kafka-port=")) {
                kafka = Integer.parseInt(value);
            } else if (arg.startsWith("--postgres-port=")) {
                postgres = Integer.parseInt(value);
            } else if (arg.startsWith("--redis-port=")) {
                redis = Integer.parseInt(value);
            } else if (arg.startsWith("--s3-port=")) {
                s3 = Integer.parseInt(value);
            } else {
                System.err.println("unknown option " + arg + "; options: --base-dir= --kafka-port= --postgres-port="
                        + " --redis-port= --s3-port=");
                System.exit(2);
            }
        }

        InfraStack stack = InfraStack.create(new InfraPorts(kafka, postgres, redis, s3), baseDirectory);
        stack.closeOnShutdown();
        long startedAt = System.nanoTime();
        stack.start();
        System.out.println(stack.describe());
        System.out.printf("%s in %d ms; Ctrl-C stops it%n", READY_LINE, (System.nanoTime() - startedAt) / 1_000_000);
        // The servers run on their own threads and processes; the shutdown hook ends them when the JVM exits.
        new CountDownLatch(1).await();
    }
}
