package io.agentobs.cli.spool;

import java.nio.file.Path;
import java.util.List;

/** A separate process for cross-process spool tests: appends {@code count} events named after it, one at a time. */
public final class SpoolAppenderMain {

    private SpoolAppenderMain() {
    }

    /** Arguments: spool directory, producer name, number of events. */
    public static void main(String[] args) throws Exception {
        Spool spool = new Spool(Path.of(args[0]));
        String producer = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            spool.append(List.of(SpoolOrderCheck.produced(producer, i)));
        }
    }
}
