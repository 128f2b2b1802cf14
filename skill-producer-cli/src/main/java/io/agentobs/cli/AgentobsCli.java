package io.agentobs.cli;

import io.agentobs.cli.audit.AuditCommand;
import io.agentobs.cli.kafka.NoJmxServerBuilder;
import io.agentobs.cli.log.LogCommands;
import io.agentobs.cli.log.LogEventCommand;
import io.agentobs.cli.publish.PublishCommand;
import io.agentobs.cli.redrive.RedriveCommand;
import io.agentobs.cli.replay.ReplayCommand;
import io.agentobs.cli.simulate.SimulateCommand;
import io.agentobs.cli.topics.TopicsCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code agentobs}: the producer CLI agent skills call on every action. Builds only the subcommand being run (the
 * whole tree only for help and completion), and runs a log-* command given a plain command line without picocli at
 * all (see {@link LogEventCommand#run}), because start-up time is part of every agent action.
 */
@Command(name = "agentobs", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = {"Publishes agent events to Kafka (agentobs).",
                "Kafka: KAFKA_BROKERS, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_CA_LOCATION; tuning: KAFKA_ACKS, "
                        + "KAFKA_COMPRESSION, KAFKA_BATCH_SIZE, KAFKA_LINGER_MS, KAFKA_RETRIES, "
                        + "AGENTOBS_SEND_TIMEOUT_MS; KAFKA_ENABLE_LOGGING=false publishes nothing; DEBUG=true logs to "
                        + "stderr; AGENTOBS_SPOOL_DIR holds events Kafka could not take yet.",
                "Audit archive (audit verify, replay): S3_BUCKET, S3_PREFIX, S3_ENDPOINT, S3_REGION, S3_PATH_STYLE and "
                        + "the AWS credentials chain (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...)."},
        footer = "Exit codes: 0 success (sent, spooled or disabled), 1 failure, 2 usage or validation error, "
                + "3 S3 or Kafka unreachable (audit verify, replay).")
public final class AgentobsCli implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        configureLogging(System.getenv());
        NoJmxServerBuilder.install();
        int exitCode = run(CliContext.system(), args);
        // Every command has closed what it opened (Kafka producer, spool, appends fsynced) when run returns, and
        // none leaves a shutdown hook that must run (simulate removes its Ctrl-C hook): halting after flushing the
        // standard streams skips System.exit's shutdown sequence, which on JDK 21+ also sets up the platform logger
        // only to log the exit.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    /** Runs one command line and returns its exit code; what the process would print goes to the context's streams. */
    public static int run(CliContext context, String... args) {
        LogCommands.Definition log = args.length > 0 ? LogCommands.find(args[0]) : null;
        if (log != null) {
            Integer exit = LogEventCommand.run(log, context, tail(args));
            if (exit != null) {
                return exit;
            }
        }
        CommandLine commandLine = args.length > 0 && subcommands(context).containsKey(args[0])
                ? subcommands(context).get(args[0]).apply(context)
                : root(context);
        String[] rest = commandLine.getCommandName().equals("agentobs") ? args : tail(args);
        if (!commandLine.getCommandName().equals("agentobs")) {
            commandLine.setCommandName("agentobs " + commandLine.getCommandName());
        }
        return configure(commandLine, context).execute(rest);
    }

    /** The full command tree, for help and completion. */
    public static CommandLine root(CliContext context) {
        CommandLine root = new CommandLine(new AgentobsCli());
        for (Map.Entry<String, Function<CliContext, CommandLine>> subcommand : subcommands(context).entrySet()) {
            root.addSubcommand(subcommand.getKey(), subcommand.getValue().apply(context));
        }
        root.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        return root;
    }

    private static Map<String, Function<CliContext, CommandLine>> subcommands(CliContext context) {
        Map<String, Function<CliContext, CommandLine>> subcommands = new LinkedHashMap<>();
        for (LogCommands.Definition definition : LogCommands.definitions()) {
            subcommands.put(definition.name(), ctx -> LogEventCommand.commandLine(definition, ctx));
        }
        subcommands.put("publish", ctx -> new CommandLine(new PublishCommand(ctx)));
        subcommands.put("flush", ctx -> new CommandLine(new FlushCommand(ctx)));
        subcommands.put("topics", ctx -> TopicsCommand.commandLine(ctx));
        subcommands.put("simulate", ctx -> new CommandLine(new SimulateCommand(ctx)));
        subcommands.put("redrive", ctx -> new CommandLine(new RedriveCommand(ctx)));
        // Plain option fields only: the archive's Parquet, Hadoop and AWS classes load in call(), never here.
        subcommands.put("audit", ctx -> AuditCommand.commandLine(ctx));
        subcommands.put("replay", ctx -> new CommandLine(new ReplayCommand(ctx)));
        return subcommands;
    }

    private static CommandLine configure(CommandLine commandLine, CliContext context) {
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            context.err().println("agentobs: " + exception.getMessage());
            context.err().println("Try '" + exception.getCommandLine().getCommandName() + " --help'.");
            ResultPrinter.printUsageError(context.out(), new UsageException(exception.getMessage()));
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof UsageException usage) {
                return ResultPrinter.reportUsageError(context, usage);
            }
            return exception instanceof UnavailableException unavailable
                    ? ResultPrinter.reportUnavailable(context, unavailable)
                    : ResultPrinter.reportFailure(context, exception);
        });
        return commandLine;
    }

    /**
     * Kafka's client logs go to stderr through slf4j-simple, silent unless {@code DEBUG=true}: stdout carries only
     * the JSON result, and an agent's stderr is not flooded while Kafka is down.
     */
    static void configureLogging(Map<String, String> env) {
        boolean debug = "true".equalsIgnoreCase(env.getOrDefault("DEBUG", "false").trim());
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    private static String[] tail(String[] args) {
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return rest;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
