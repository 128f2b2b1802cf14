package io.agentobs.bench;

import java.util.concurrent.TimeUnit;

import io.agentobs.events.AgentEvent;
import io.agentobs.events.Topic;
import io.agentobs.events.codec.EventCodec;
import io.agentobs.events.codec.InvalidEventException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Single-thread throughput (events/s) of {@link EventCodec} decode and encode, next to plain Jackson parsing. */
// Decode needs 8-15 s of warm-up on 2 cores before C2 settles (7k -> 240k ops/s), hence 8 x 3 s.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
public class CodecBenchmark {

    private EventCodec codec;
    private JsonMapper plain;
    private byte[] actionBytes;
    private byte[] taskBytes;
    private AgentEvent action;
    private AgentEvent task;
    private JsonNode actionTree;
    private JsonNode taskTree;

    @Setup
    public void setUp() throws InvalidEventException {
        codec = new EventCodec();
        plain = JsonMapper.builder().build();
        actionBytes = BenchEvents.agentAction();
        taskBytes = BenchEvents.taskExecution();
        action = codec.decode(Topic.AGENT_ACTIONS, actionBytes);
        task = codec.decode(Topic.TASK_EXECUTIONS, taskBytes);
        actionTree = plain.readTree(actionBytes);
        taskTree = plain.readTree(taskBytes);
    }

    /** Size check, UTF-8 check, parse, validation and conversion to {@code AgentAction}. */
    @Benchmark
    public AgentEvent decodeAgentAction() throws InvalidEventException {
        return codec.decode(Topic.AGENT_ACTIONS, actionBytes);
    }

    /** As {@link #decodeAgentAction()} for a {@code TaskExecution} with two steps. */
    @Benchmark
    public AgentEvent decodeTaskExecution() throws InvalidEventException {
        return codec.decode(Topic.TASK_EXECUTIONS, taskBytes);
    }

    /** Every check of {@link #decodeAgentAction()}, without the conversion to the record. */
    @Benchmark
    public JsonNode decodeTreeAgentAction() throws InvalidEventException {
        return codec.decodeTree(Topic.AGENT_ACTIONS, actionBytes);
    }

    /** Reference: plain Jackson 3 parse of the same bytes into a tree, nothing checked. */
    @Benchmark
    public JsonNode parseAgentAction() {
        return plain.readTree(actionBytes);
    }

    /** Reference: plain Jackson 3 parse of the task-executions bytes. */
    @Benchmark
    public JsonNode parseTaskExecution() {
        return plain.readTree(taskBytes);
    }

    /** The decoded {@code AgentAction} back to UTF-8 JSON. */
    @Benchmark
    public byte[] encodeAgentAction() {
        return codec.encode(action);
    }

    /** The decoded {@code TaskExecution} back to UTF-8 JSON. */
    @Benchmark
    public byte[] encodeTaskExecution() {
        return codec.encode(task);
    }

    /** Reference: plain Jackson 3 writing the parsed tree of the agent action. */
    @Benchmark
    public byte[] writeTreeAgentAction() {
        return plain.writeValueAsBytes(actionTree);
    }

    /** Reference: plain Jackson 3 writing the parsed tree of the task execution. */
    @Benchmark
    public byte[] writeTreeTaskExecution() {
        return plain.writeValueAsBytes(taskTree);
    }
}
