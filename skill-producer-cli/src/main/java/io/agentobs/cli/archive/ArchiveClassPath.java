package io.agentobs.cli.archive;

/**
 * Checks that the audit archive's libraries are on the class path before an archive command loads a class that
 * needs them. bin/agentobs adds them ({@code target/lib-archive}) for {@code audit} and {@code replay} only, so that
 * no other command pays for scanning them; a JVM started another way gets this message instead of a linkage error.
 */
public final class ArchiveClassPath {

    private static final String PROBE = "io.agentobs.audit.archive.S3Archive";

    private ArchiveClassPath() {
    }

    /**
     * @throws IllegalStateException naming the missing directory when the archive's classes cannot be found
     */
    public static void require() {
        try {
            Class.forName(PROBE, false, ArchiveClassPath.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("the audit archive's libraries are not on the class path: run agentobs "
                    + "through bin/agentobs, which adds skill-producer-cli/target/lib-archive/* for audit and replay "
                    + "(built by ./mvnw -pl skill-producer-cli -am package)", missing);
        }
    }
}
