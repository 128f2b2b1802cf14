package io.agentobs.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/agentobs-stack}: starts the local stack ({@link LocalStack}), prints the table of what runs where and
 * keeps everything up until Ctrl-C, which stops the services first and the servers after. Options in
 * {@link LocalStackOptions#USAGE}.
 */
public final class LocalStackMain {

    /** Printed under the table once everything is up; scripts and tests wait for it. */
    public static final String READY_LINE = "agentobs local stack ready";

    private static final String LOGBACK_CONFIG = "io/agentobs/infra/infra-main-logback.xml";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        long startedAt = System.nanoTime();
        // Before the first logger exists: the libraries' default (DEBUG for everything) buries the table.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(LocalStackOptions.USAGE);
            return;
        }
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(Path.of(System.getProperty("agentobs.home", ".")), args);
        } catch (IllegalArgumentException e) {
            System.err.println("agentobs-stack: " + e.getMessage());
            System.err.println(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(options);
        stack.stopOnShutdown();
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("agentobs-stack: " + e.getMessage());
            // The shutdown hook stops what did start.
            System.exit(1);
        }
        System.out.println();
        System.out.print(stack.table());
        System.out.printf("%s in %.1f s; Ctrl-C stops the services, then the servers%n", READY_LINE,
                (System.nanoTime() - startedAt) / 1e9);
        System.out.flush();
        // Servers and services run on their own threads and processes; the shutdown hook ends them.
        new CountDownLatch(1).await();
    }
}
