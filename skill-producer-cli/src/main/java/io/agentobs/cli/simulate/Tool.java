package io.agentobs.cli.simulate;

/**
 * The tools simulated agents call ({@code action_name} of tool calls), each with its own log-normal latency profile
 * and the shape of its {@code action_details}.
 */
enum Tool {
    READ("Read", 35, 0.7, false) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            json.field("file_path", file.path()).field("lines_read", random.logNormal(150, 0.8, 20_000));
        }
    },
    GLOB("Glob", 25, 0.6, false) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            json.field("pattern", argument).field("matches", random.between(0, 40));
        }
    },
    GREP("Grep", 60, 0.8, false) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            json.field("pattern", argument).field("path", directoryOf(file.path()))
                    .field("matches", random.between(0, 25));
        }
    },
    EDIT("Edit", 90, 0.6, true) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            json.field("file_path", file.path()).field("replacements", random.between(1, 4))
                    .field("lines_changed", random.logNormal(12, 0.8, 2_000));
        }
    },
    WRITE("Write", 120, 0.7, true) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            long lines = random.logNormal(80, 0.7, 5_000);
            json.field("file_path", file.path()).field("lines_written", lines)
                    .field("bytes_written", lines * random.between(28, 45));
        }
    },
    BASH("Bash", 1_800, 1.1, false) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            json.field("command", argument).field("exit_code", 0);
        }
    },
    WEB_FETCH("WebFetch", 900, 0.9, false) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            json.field("url", argument).field("status_code", 200)
                    .field("bytes", random.logNormal(48_000, 0.9, 5_000_000));
        }
    },
    RAG_QUERY("perform_rag_query", 1_200, 0.5, false) {
        @Override
        void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file) {
            json.field("query", argument).field("results", random.between(3, 10))
                    .decimalField("top_score", random.between(0.62, 0.97));
        }
    };

    /** Longest simulated call; timeouts end calls well before this. */
    static final long MAX_DURATION_MS = 300_000;

    private final String actionName;
    private final double medianMs;
    private final double sigma;
    private final boolean changesCode;

    Tool(String actionName, double medianMs, double sigma, boolean changesCode) {
        this.actionName = actionName;
        this.medianMs = medianMs;
        this.sigma = sigma;
        this.changesCode = changesCode;
    }

    /** The {@code action_name} of a call to this tool. */
    String actionName() {
        return actionName;
    }

    /** Whether a call changes a source file (and so is followed by a code-quality measurement). */
    boolean changesCode() {
        return changesCode;
    }

    /** A call duration in milliseconds from this tool's latency distribution. */
    long sampleDurationMs(RandomSource random) {
        return random.logNormal(medianMs, sigma, MAX_DURATION_MS);
    }

    /** Writes the {@code action_details} properties of a successful call (inside an open object). */
    abstract void writeDetails(JsonWriter json, RandomSource random, String argument, CodeFile file);

    private static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash + 1);
    }
}
