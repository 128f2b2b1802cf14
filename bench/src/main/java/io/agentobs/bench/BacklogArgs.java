package io.agentobs.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The command line of the backlog benchmarks: {@code [events [rounds [batchSize…]]]}, and the number of warm
 * backlogs after the cold one ({@code -Dagentobs.bench.warm-backlogs}).
 *
 * @param events events per backlog ({@code _} allowed as a digit separator: {@code 500_000})
 * @param rounds how many times the whole run is repeated
 * @param batchSizes the service's {@code BATCH_SIZE} per run (0: the service's default)
 * @param warmBacklogs backlogs committed while the service runs, after the cold one
 */
record BacklogArgs(int events, int rounds, List<Integer> batchSizes, int warmBacklogs) {

    /** Reads the arguments; what is not given takes the benchmark's defaults. */
    static BacklogArgs parse(String[] args, int defaultEvents, List<Integer> defaultBatchSizes,
                             int defaultWarmBacklogs) {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : defaultEvents;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Integer> batchSizes = args.length > 2
                ? Arrays.stream(args, 2, args.length).map(Integer::parseInt).toList() : defaultBatchSizes;
        int warmBacklogs = Integer.getInteger("agentobs.bench.warm-backlogs", defaultWarmBacklogs);
        return new BacklogArgs(events, rounds, batchSizes, warmBacklogs);
    }
}
