package io.agentobs.dbwriter.reconcile;

/** The reconcile command's exit codes, for scripts and cron jobs that act on the outcome. */
public final class ExitCodes {

    /** Every event in the window is on both sides. */
    public static final int CONSISTENT = 0;
    /** Some event is missing in PostgreSQL or in Kafka. */
    public static final int MISSING = 1;
    /** Unknown topic, bad time, bad option. */
    public static final int USAGE = 2;
    /** Kafka or PostgreSQL could not be reached or read, so nothing was compared. */
    public static final int UNREACHABLE = 3;

    private ExitCodes() {
    }
}
