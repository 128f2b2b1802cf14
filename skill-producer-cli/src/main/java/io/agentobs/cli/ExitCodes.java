package io.agentobs.cli;

/**
 * The CLI's exit codes: 0 success (sent, spooled or disabled), 1 failure, 2 usage or validation error, 3 a store a
 * command reads or writes could not be reached ({@code audit verify}, {@code replay}: S3 or Kafka).
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
