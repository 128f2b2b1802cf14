package io.agentobs.cli.topics;

import io.agentobs.cli.CliContext;
import io.agentobs.cli.ExitCodes;
import io.agentobs.cli.ResultPrinter;
import io.agentobs.cli.UsageException;
import io.agentobs.cli.kafka.ProducerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code agentobs topics create|describe}: creates the eight topics and their dead-letter topics with SPEC's
 * partitions and retention (idempotently: existing topics are reported, never recreated), and shows what exists.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create or describe agentobs's topics and their -dlq topics.")
public final class TopicsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** {@code topics} with its two subcommands. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine topics = new CommandLine(new TopicsCommand());
        topics.addSubcommand("create", new Create(context));
        topics.addSubcommand("describe", new Describe(context));
        return topics;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create or describe");
    }

    static Admin admin(CliContext context) throws UsageException {
        return Admin.create(ProducerSettings.fromEnvironment(context.env()).adminProperties("agentobs-cli-admin"));
    }

    static <T> T await(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    /** {@code topics create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create every missing agentobs topic and -dlq topic; existing ones are left as they are "
                    + "(listed with their partition count) unless --apply-config."})
    static final class Create implements Callable<Integer> {

        @Option(names = "--replication-factor", paramLabel = "<n>",
                description = "Replicas per partition (3 in production); default KAFKA_REPLICATION_FACTOR, else 1.")
        private Short replicationOption;

        @Option(names = "--min-insync-replicas", paramLabel = "<n>",
                description = "min.insync.replicas for acks=all; default 2 when the replication factor is 3 or more, "
                        + "else 1.")
        private Integer minInsyncReplicas;

        @Option(names = "--partitions", paramLabel = "<n>",
                description = "Partitions of every topic, instead of SPEC's per-topic counts (12 or 6).")
        private Integer partitions;

        @Option(names = "--apply-config",
                description = "Also set retention.ms, cleanup.policy and min.insync.replicas on existing topics.")
        private boolean applyConfig;

        private final CliContext context;

        Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            short replicationFactor = replicationFactor();
            if (replicationFactor < 1) {
                throw new UsageException("--replication-factor must be at least 1, got " + replicationFactor);
            }
            if (partitions != null && partitions < 1) {
                throw new UsageException("--partitions must be at least 1, got " + partitions);
            }
            int minIsr = minInsyncReplicas != null ? minInsyncReplicas : replicationFactor >= 3 ? 2 : 1;
            if (minIsr < 1 || minIsr > replicationFactor) {
                throw new UsageException("--min-insync-replicas must be between 1 and the replication factor "
                        + replicationFactor + ", got " + minIsr);
            }
            List<TopicPlan> plans = TopicPlan.all(partitions);
            List<Map<String, Object>> topics = new ArrayList<>();
            int created = 0;
            try (Admin admin = admin(context)) {
                Set<String> existing = await(admin.listTopics().names());
                List<NewTopic> missing = plans.stream().filter(plan -> !existing.contains(plan.name()))
                        .map(plan -> new NewTopic(plan.name(), plan.partitions(), replicationFactor)
                                .configs(plan.configs(minIsr)))
                        .toList();
                Map<String, KafkaFuture<Void>> creations = missing.isEmpty()
                        ? Map.of() : admin.createTopics(missing).values();
                Map<String, TopicDescription> descriptions = await(admin.describeTopics(
                        plans.stream().filter(plan -> existing.contains(plan.name())).map(TopicPlan::name).toList())
                        .allTopicNames());
                for (TopicPlan plan : plans) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("topic", plan.name());
                    KafkaFuture<Void> creation = creations.get(plan.name());
                    if (creation != null) {
                        try {
                            await(creation);
                            entry.put("status", "created");
                            created++;
                        } catch (TopicExistsException raced) {
                            entry.put("status", "exists");
                        }
                        entry.put("partitions", plan.partitions());
                    } else {
                        entry.put("status", "exists");
                        entry.put("partitions", descriptions.get(plan.name()).partitions().size());
                        if (descriptions.get(plan.name()).partitions().size() < plan.partitions()) {
                            entry.put("note", "has fewer partitions than the " + plan.partitions() + " planned");
                        }
                    }
                    entry.put("retention_ms", plan.retention().toMillis());
                    topics.add(entry);
                }
                if (applyConfig) {
                    applyConfigs(admin, plans.stream().filter(plan -> existing.contains(plan.name())).toList(), minIsr);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("success", true);
            result.put("created", created);
            result.put("existing", topics.size() - created);
            result.put("replication_factor", replicationFactor);
            if (applyConfig) {
                result.put("config_applied", true);
            }
            result.put("topics", topics);
            ResultPrinter.print(context.out(), result);
            return ExitCodes.OK;
        }

        private short replicationFactor() throws UsageException {
            if (replicationOption != null) {
                return replicationOption;
            }
            String configured = context.env().get("KAFKA_REPLICATION_FACTOR");
            if (configured == null || configured.isBlank()) {
                return 1;
            }
            try {
                return Short.parseShort(configured.trim());
            } catch (NumberFormatException notNumber) {
                throw new UsageException("KAFKA_REPLICATION_FACTOR must be an integer, got '" + configured + "'");
            }
        }

        private static void applyConfigs(Admin admin, Collection<TopicPlan> plans, int minIsr) throws Exception {
            if (plans.isEmpty()) {
                return;
            }
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (TopicPlan plan : plans) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, plan.name()),
                        plan.configs(minIsr).entrySet().stream()
                                .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()),
                                        AlterConfigOp.OpType.SET))
                                .collect(Collectors.toList()));
            }
            await(admin.incrementalAlterConfigs(changes).all());
        }
    }

    /** {@code topics describe}. */
    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Show each agentobs topic and -dlq topic: whether it exists, partitions, replication, "
                    + "retention and how many records it holds.")
    static final class Describe implements Callable<Integer> {

        private final CliContext context;

        Describe(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            List<TopicPlan> plans = TopicPlan.all(null);
            List<Map<String, Object>> topics = new ArrayList<>();
            boolean allExist = true;
            try (Admin admin = admin(context)) {
                Set<String> existing = await(admin.listTopics().names());
                List<String> present = plans.stream().map(TopicPlan::name).filter(existing::contains).toList();
                Map<String, TopicDescription> descriptions = present.isEmpty()
                        ? Map.of() : await(admin.describeTopics(present).allTopicNames());
                Map<ConfigResource, Config> configs = present.isEmpty() ? Map.of() : await(admin.describeConfigs(
                        present.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                        .all());
                Map<TopicPartition, Long> records = recordCounts(admin, descriptions.values());
                for (TopicPlan plan : plans) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("topic", plan.name());
                    TopicDescription description = descriptions.get(plan.name());
                    entry.put("exists", description != null);
                    if (description == null) {
                        allExist = false;
                    } else {
                        entry.put("partitions", description.partitions().size());
                        entry.put("replication_factor", description.partitions().get(0).replicas().size());
                        ConfigEntry retention = configs.get(new ConfigResource(ConfigResource.Type.TOPIC,
                                plan.name())).get("retention.ms");
                        entry.put("retention_ms", retention == null ? null : Long.parseLong(retention.value()));
                        entry.put("records", records.entrySet().stream()
                                .filter(count -> count.getKey().topic().equals(plan.name()))
                                .mapToLong(Map.Entry::getValue).sum());
                    }
                    entry.put("planned_partitions", plan.partitions());
                    entry.put("planned_retention_ms", plan.retention().toMillis());
                    topics.add(entry);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("success", true);
            result.put("all_exist", allExist);
            result.put("topics", topics);
            ResultPrinter.print(context.out(), result);
            return ExitCodes.OK;
        }

        /** Records held per partition: end offset minus start offset. */
        private static Map<TopicPartition, Long> recordCounts(Admin admin, Collection<TopicDescription> topics)
                throws Exception {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : topics) {
                topic.partitions().forEach(partition -> {
                    TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
                    earliest.put(tp, OffsetSpec.earliest());
                    latest.put(tp, OffsetSpec.latest());
                });
            }
            if (earliest.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = await(
                    admin.listOffsets(earliest).all());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = await(admin.listOffsets(latest).all());
            Map<TopicPartition, Long> counts = new HashMap<>();
            end.forEach((tp, info) -> counts.put(tp, info.offset() - start.get(tp).offset()));
            return counts;
        }
    }
}
