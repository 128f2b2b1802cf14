package io.agentobs.cli;

/** The CLI's exit codes: 0 success (sent, spooled or disabled), 1 failure, 2 usage or validation error. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
