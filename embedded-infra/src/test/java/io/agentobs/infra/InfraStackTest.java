package io.agentobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** How the stack cleans up after failures, with stand-in servers that fail where told to. */
class InfraStackTest {

    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    @Test
    void failedStartClosesEveryServerAndKeepsTheStartFailureOnTop() {
        RuntimeException startFailure = fail("postgres.start");
        RuntimeException closeFailure = fail("redis.close");

        assertThatThrownBy(stack()::start).isSameAs(startFailure).hasSuppressedException(closeFailure);

        assertThat(closed).containsExactlyInAnyOrder("kafka", "postgres", "redis", "s3");
    }

    @Test
    void everyFailedStartIsReported() {
        RuntimeException postgresFailure = fail("postgres.start");
        RuntimeException s3Failure = fail("s3.start");

        Throwable thrown = catchThrowable(stack()::start);

        List<Throwable> reported = new ArrayList<>(List.of(thrown.getSuppressed()));
        reported.add(thrown);
        assertThat(reported).contains(postgresFailure, s3Failure);
    }

    @Test
    void closeClosesEveryServerWhenOneFails() {
        RuntimeException closeFailure = fail("s3.close");

        assertThatThrownBy(stack()::close).isSameAs(closeFailure);

        assertThat(closed).containsExactlyInAnyOrder("kafka", "postgres", "redis", "s3");
    }

    @Test
    void shutdownRunsTheDeferredHooksWhenCloseFails() {
        fail("kafka.close");
        List<String> hooksRun = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> stack().shutDown(List.of(
                () -> hooksRun.add("first"),
                () -> {
                    throw new IllegalStateException("hook broke");
                },
                () -> hooksRun.add("last"))))
                .hasMessage("kafka.close");

        assertThat(hooksRun).containsExactly("first", "last");
        assertThat(closed).containsExactlyInAnyOrder("kafka", "postgres", "redis", "s3");
    }

    private RuntimeException fail(String call) {
        RuntimeException failure = new IllegalStateException(call);
        failures.put(call, failure);
        return failure;
    }

    private InfraStack stack() {
        return new InfraStack(server(KafkaServer.class, "kafka"), server(PostgresServer.class, "postgres"),
                server(RedisServer.class, "redis"), server(S3Server.class, "s3"), Path.of("unused"));
    }

    /** A stand-in whose start and close fail if {@link #fail} was told so; close is recorded before failing. */
    private <S extends InfraServer> S server(Class<S> type, String name) {
        Object stub = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String call = name + "." + method.getName();
            if (method.getName().equals("close")) {
                closed.add(name);
            }
            RuntimeException failure = failures.get(call);
            if (failure != null) {
                throw failure;
            }
            return method.getName().equals("toString") ? name : null;
        });
        return type.cast(stub);
    }
}
