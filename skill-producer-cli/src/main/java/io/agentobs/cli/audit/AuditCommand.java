package io.agentobs.cli.audit;

import io.agentobs.cli.CliContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code agentobs audit}: checks on the audit archive in S3 ({@code verify}). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the audit archive the audit-logger writes to S3.")
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** {@code audit} with its subcommand. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine audit = new CommandLine(new AuditCommand());
        audit.addSubcommand("verify", new VerifyCommand(context));
        return audit;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify");
    }
}
