package io.agentobs.cli.audit;

/** How {@code audit verify} prints its report: tables for people, or one JSON object for programs. */
public enum ReportFormat {
    TEXT,
    JSON
}
