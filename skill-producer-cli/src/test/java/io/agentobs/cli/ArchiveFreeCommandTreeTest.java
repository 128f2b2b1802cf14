package io.agentobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/agentobs puts the audit archive's jars on the class path only for {@code audit} and {@code replay}: every
 * other command, the help and the completion script (which build every subcommand, options included) must run
 * without them. Runs the CLI in a class loader that refuses the archive's, Parquet's, Hadoop's and the AWS SDK's
 * classes, and records any attempt to load one.
 */
class ArchiveFreeCommandTreeTest {

    private static final List<String> ARCHIVE_PACKAGES = List.of("io.agentobs.audit.archive.", "org.apache.parquet.",
            "org.apache.hadoop.", "org.apache.avro.", "software.amazon.awssdk.");

    @TempDir
    Path dir;

    /** Loads the CLI's classes itself (not from the test's loader), except those of the archive. */
    private static final class WithoutArchive extends URLClassLoader {

        final Set<String> refused = ConcurrentHashMap.newKeySet();

        WithoutArchive(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (ARCHIVE_PACKAGES.stream().anyMatch(name::startsWith)) {
                refused.add(name);
                throw new ClassNotFoundException(name + " (not on the class path of this command)");
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void helpCompletionPublishAndOneEventNeverLoadTheArchiveClasses() throws Exception {
        Path events = dir.resolve("one.ndjson");
        Files.writeString(events, "{\"event_id\":\"6f1c1b7e-3f0a-4a43-9d59-4f3b1c2a9e10\",\"correlation_id\":"
                + "\"0b7e1e8c-7a1d-4c55-8d7e-2f6a3c9b1d20\",\"agent_name\":\"a\",\"action_type\":\"tool_call\","
                + "\"action_name\":\"Read\",\"timestamp\":\"2026-11-24T10:00:00Z\"}\n");
        Map<String, String> env = Map.of("KAFKA_ENABLE_LOGGING", "false", "AGENTOBS_SPOOL_DIR",
                dir.resolve("spool").toString());
        try (WithoutArchive loader = new WithoutArchive(classPath())) {
            assertThat(run(loader, env, "--help")).isZero();
            assertThat(run(loader, env, "completion")).isZero();
            assertThat(run(loader, env, "audit", "verify", "--help")).isZero();
            assertThat(run(loader, env, "replay", "--help")).isZero();
            assertThat(run(loader, env, "replay", "--topic", "agent-actions")).isEqualTo(ExitCodes.USAGE);
            assertThat(run(loader, env, "log-action", "--agent-name", "a", "--action-type", "tool_call",
                    "--action-name", "Read")).isZero();
            assertThat(run(loader, env, "publish", "--topic", "agent-actions", "--file", events.toString()))
                    .isZero();

            assertThat(loader.refused).isEmpty();
        }
    }

    @Test
    void archiveCommandsWithoutTheArchiveOnTheClassPathSayWhatIsMissing() throws Exception {
        Map<String, String> env = Map.of("S3_BUCKET", "audit");
        try (WithoutArchive loader = new WithoutArchive(classPath())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = run(loader, env, err, "audit", "verify", "--topic", "all");

            assertThat(exit).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("lib-archive");
        }
    }

    private static int run(ClassLoader loader, Map<String, String> env, String... args) throws Exception {
        return run(loader, env, new ByteArrayOutputStream(), args);
    }

    /** {@link AgentobsCli#run} as loaded by {@code loader}. */
    private static int run(ClassLoader loader, Map<String, String> env, ByteArrayOutputStream err, String... args)
            throws Exception {
        Class<?> contextType = loader.loadClass(CliContext.class.getName());
        Object context = contextType.getConstructor(Map.class, InputStream.class, PrintStream.class,
                PrintStream.class, Clock.class).newInstance(env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return (Integer) loader.loadClass(AgentobsCli.class.getName()).getMethod("run", contextType, String[].class)
                .invoke(null, context, args);
    }

    /** The test JVM's class path (surefire sets java.class.path to it). */
    private static URL[] classPath() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException malformed) {
                throw new IOException(malformed);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
