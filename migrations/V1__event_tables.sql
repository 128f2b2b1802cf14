-- One table per topic (SPEC §4.1), written by db-writer-service.
-- Every table: event_id is the primary key (the idempotency key: a redelivered event is skipped), the envelope
-- columns, typed columns for the event's scalar fields, jsonb for its nested ones, the Kafka coordinates the row was
-- first read from, and indexes on correlation_id and event_time. Top-level fields this schema does not know are kept
-- in extra_fields. CHECK constraints repeat the event validation, so a row written around the service is held to it.

CREATE TABLE agent_actions (
    event_id         uuid        PRIMARY KEY,
    correlation_id   uuid        NOT NULL,
    event_time       timestamptz NOT NULL,
    agent_name       text        NOT NULL,
    action_type      text        NOT NULL CHECK (action_type IN ('tool_call', 'decision', 'error', 'success')),
    action_name      text        NOT NULL,
    action_details   jsonb,
    debug_mode       boolean,
    duration_ms      bigint      CHECK (duration_ms >= 0),
    schema_version   integer     NOT NULL CHECK (schema_version >= 1),
    metadata         jsonb,
    extra_fields     jsonb,
    kafka_partition  integer     NOT NULL,
    kafka_offset     bigint      NOT NULL,
    ingested_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_actions_correlation_id ON agent_actions (correlation_id);
CREATE INDEX agent_actions_event_time ON agent_actions (event_time);
COMMENT ON TABLE agent_actions IS 'Topic agent-actions: one action an agent took (tool call, decision, error, success).';

CREATE TABLE agent_routing_decisions (
    event_id         uuid             PRIMARY KEY,
    correlation_id   uuid             NOT NULL,
    event_time       timestamptz      NOT NULL,
    user_request     text,
    selected_agent   text             NOT NULL,
    confidence_score double precision NOT NULL CHECK (confidence_score BETWEEN 0 AND 1),
    alternatives     jsonb,
    reasoning        text,
    routing_strategy text,
    context          jsonb,
    routing_time_ms  bigint           CHECK (routing_time_ms >= 0),
    schema_version   integer          NOT NULL CHECK (schema_version >= 1),
    metadata         jsonb,
    extra_fields     jsonb,
    kafka_partition  integer          NOT NULL,
    kafka_offset     bigint           NOT NULL,
    ingested_at      timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX agent_routing_decisions_correlation_id ON agent_routing_decisions (correlation_id);
CREATE INDEX agent_routing_decisions_event_time ON agent_routing_decisions (event_time);
COMMENT ON TABLE agent_routing_decisions IS 'Topic agent-routing-decisions: which agent the router selected, and why.';

CREATE TABLE agent_transformation_events (
    event_id                   uuid             PRIMARY KEY,
    correlation_id             uuid             NOT NULL,
    event_time                 timestamptz      NOT NULL,
    source_agent               text             NOT NULL,
    target_agent               text             NOT NULL,
    transformation_reason      text,
    confidence_score           double precision CHECK (confidence_score BETWEEN 0 AND 1),
    transformation_duration_ms bigint           CHECK (transformation_duration_ms >= 0),
    success                    boolean          NOT NULL,
    context_preserved          jsonb,
    schema_version             integer          NOT NULL CHECK (schema_version >= 1),
    metadata                   jsonb,
    extra_fields               jsonb,
    kafka_partition            integer          NOT NULL,
    kafka_offset               bigint           NOT NULL,
    ingested_at                timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX agent_transformation_events_correlation_id ON agent_transformation_events (correlation_id);
CREATE INDEX agent_transformation_events_event_time ON agent_transformation_events (event_time);
COMMENT ON TABLE agent_transformation_events IS 'Topic agent-transformation-events: one agent handing work to another.';

CREATE TABLE router_performance_metrics (
    event_id               uuid        PRIMARY KEY,
    correlation_id         uuid        NOT NULL,
    event_time             timestamptz NOT NULL,
    query_text             text,
    routing_duration_ms    bigint      NOT NULL CHECK (routing_duration_ms >= 0),
    cache_hit              boolean,
    trigger_match_strategy text,
    confidence_components  jsonb,
    candidates_evaluated   integer     CHECK (candidates_evaluated >= 0),
    schema_version         integer     NOT NULL CHECK (schema_version >= 1),
    metadata               jsonb,
    extra_fields           jsonb,
    kafka_partition        integer     NOT NULL,
    kafka_offset           bigint      NOT NULL,
    ingested_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX router_performance_metrics_correlation_id ON router_performance_metrics (correlation_id);
CREATE INDEX router_performance_metrics_event_time ON router_performance_metrics (event_time);
COMMENT ON TABLE router_performance_metrics IS 'Topic router-performance-metrics: how long routing took and how it matched.';

CREATE TABLE execution_paths (
    event_id          uuid             PRIMARY KEY,
    correlation_id    uuid             NOT NULL,
    event_time        timestamptz      NOT NULL,
    fingerprint_id    uuid             NOT NULL,
    task_hash         text,
    original_prompt   text,
    task_type         text             NOT NULL,
    domain            text,
    agent_name        text             NOT NULL,
    agent_chain       jsonb,
    success           boolean          NOT NULL,
    quality_score     double precision CHECK (quality_score BETWEEN 0 AND 1),
    complexity_score  double precision CHECK (complexity_score BETWEEN 0 AND 1),
    steps             jsonb,
    total_duration_ms bigint           CHECK (total_duration_ms >= 0),
    tools_used        jsonb,
    user_acceptance   boolean,
    schema_version    integer          NOT NULL CHECK (schema_version >= 1),
    metadata          jsonb,
    extra_fields      jsonb,
    kafka_partition   integer          NOT NULL,
    kafka_offset      bigint           NOT NULL,
    ingested_at       timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX execution_paths_correlation_id ON execution_paths (correlation_id);
CREATE INDEX execution_paths_event_time ON execution_paths (event_time);
CREATE INDEX execution_paths_fingerprint_id ON execution_paths (fingerprint_id);
COMMENT ON TABLE execution_paths IS 'Topic task-executions: one task run, its steps, agent chain and outcome.';

CREATE TABLE code_artifacts (
    event_id              uuid             PRIMARY KEY,
    correlation_id        uuid             NOT NULL,
    event_time            timestamptz      NOT NULL,
    path_id               uuid             NOT NULL,
    fingerprint_id        uuid,
    file_path             text             NOT NULL,
    artifact_type         text,
    language              text,
    quality_score         double precision NOT NULL CHECK (quality_score BETWEEN 0 AND 1),
    onex_compliance_score double precision CHECK (onex_compliance_score BETWEEN 0 AND 1),
    lines_added           integer          CHECK (lines_added >= 0),
    lines_modified        integer          CHECK (lines_modified >= 0),
    lines_deleted         integer          CHECK (lines_deleted >= 0),
    test_coverage         double precision CHECK (test_coverage BETWEEN 0 AND 100),
    tests_passed          integer          CHECK (tests_passed >= 0),
    tests_failed          integer          CHECK (tests_failed >= 0),
    lint_passed           boolean,
    type_check_passed     boolean,
    security_scan_passed  boolean,
    onex_node_type        text,
    complexity_metrics    jsonb,
    schema_version        integer          NOT NULL CHECK (schema_version >= 1),
    metadata              jsonb,
    extra_fields          jsonb,
    kafka_partition       integer          NOT NULL,
    kafka_offset          bigint           NOT NULL,
    ingested_at           timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX code_artifacts_correlation_id ON code_artifacts (correlation_id);
CREATE INDEX code_artifacts_event_time ON code_artifacts (event_time);
CREATE INDEX code_artifacts_path_id ON code_artifacts (path_id);
COMMENT ON TABLE code_artifacts IS 'Topic code-quality-metrics: quality of one generated or changed file.';

CREATE TABLE success_patterns (
    event_id               uuid        PRIMARY KEY,
    correlation_id         uuid        NOT NULL,
    event_time             timestamptz NOT NULL,
    pattern_id             uuid        NOT NULL,
    fingerprint_id         uuid,
    path_id                uuid,
    pattern_name           text        NOT NULL,
    pattern_type           text        NOT NULL,
    pattern_template       jsonb,
    applicability_criteria jsonb,
    validation_criteria    jsonb,
    estimated_duration_ms  bigint      CHECK (estimated_duration_ms >= 0),
    schema_version         integer     NOT NULL CHECK (schema_version >= 1),
    metadata               jsonb,
    extra_fields           jsonb,
    kafka_partition        integer     NOT NULL,
    kafka_offset           bigint      NOT NULL,
    ingested_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX success_patterns_correlation_id ON success_patterns (correlation_id);
CREATE INDEX success_patterns_event_time ON success_patterns (event_time);
CREATE INDEX success_patterns_pattern_id ON success_patterns (pattern_id);
COMMENT ON TABLE success_patterns IS 'Topic success-patterns: a reusable way of succeeding at a kind of task.';

CREATE TABLE failure_patterns (
    event_id             uuid        PRIMARY KEY,
    correlation_id       uuid        NOT NULL,
    event_time           timestamptz NOT NULL,
    failure_id           uuid        NOT NULL,
    fingerprint_id       uuid,
    path_id              uuid,
    failure_type         text        NOT NULL,
    error_category       text,
    error_message        text        NOT NULL,
    error_stack_trace    text,
    failed_step          jsonb,
    root_cause           text,
    contributing_factors jsonb,
    resolution           text,
    resolution_steps     jsonb,
    time_to_resolve_ms   bigint      CHECK (time_to_resolve_ms >= 0),
    prevention_strategy  jsonb,
    schema_version       integer     NOT NULL CHECK (schema_version >= 1),
    metadata             jsonb,
    extra_fields         jsonb,
    kafka_partition      integer     NOT NULL,
    kafka_offset         bigint      NOT NULL,
    ingested_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX failure_patterns_correlation_id ON failure_patterns (correlation_id);
CREATE INDEX failure_patterns_event_time ON failure_patterns (event_time);
CREATE INDEX failure_patterns_failure_id ON failure_patterns (failure_id);
COMMENT ON TABLE failure_patterns IS 'Topic failure-patterns: a recurring failure, its cause and resolution.';
