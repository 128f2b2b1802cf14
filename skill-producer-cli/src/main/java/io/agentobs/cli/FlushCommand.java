package io.agentobs.cli;

import io.agentobs.cli.kafka.EventProducer;
import io.agentobs.cli.kafka.ProducerSettings;
import io.agentobs.cli.send.Delivery;
import io.agentobs.cli.spool.DrainResult;
import io.agentobs.cli.spool.Spool;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code agentobs flush}: sends every spooled event to Kafka, oldest first. */
@Command(name = "flush", mixinStandardHelpOptions = true,
        description = {"Send the events waiting in the spool (AGENTOBS_SPOOL_DIR) to Kafka, oldest first.",
                "Exit 0 when the spool is empty afterwards, 1 when Kafka could not take them (they stay spooled)."})
public final class FlushCommand implements Callable<Integer> {

    private final CliContext context;

    public FlushCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ProducerSettings settings = ProducerSettings.fromEnvironment(context.env());
        DrainResult drained;
        try (Delivery delivery = new Delivery(new EventProducer(settings, true),
                new Spool(settings.spoolDirectory()), context.clock())) {
            drained = delivery.drainSpool();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", drained.complete());
        result.put("flushed", drained.sent());
        result.put("remaining", drained.remaining());
        if (drained.corrupt() > 0) {
            result.put("corrupt", drained.corrupt());
        }
        result.put("spool_dir", settings.spoolDirectory().toString());
        if (!drained.complete()) {
            result.put("error", "Kafka did not take the spooled events: " + drained.failure().getMessage());
        }
        ResultPrinter.print(context.out(), result);
        return drained.complete() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
