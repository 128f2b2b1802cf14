package io.agentobs.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke test of the write strategies with a few rows: every strategy stores every row (the run checks counts). */
class PostgresWriteStrategiesIT {

    @Test
    void everyStrategyWritesEveryRow() throws Exception {
        List<PostgresWriteStrategies.Result> results = PostgresWriteStrategies.run(2_000, 1, List.of(500));

        // batched strategies once per batch size, the one-COPY reference and row-by-row once
        assertThat(results).hasSize(PostgresWriteStrategies.Strategy.values().length);
        assertThat(results).allSatisfy(result -> assertThat(result.rowsPerSecond()).isPositive());
        assertThat(PostgresWriteStrategies.format(results)).contains("(e) INSERT per row");
    }
}
