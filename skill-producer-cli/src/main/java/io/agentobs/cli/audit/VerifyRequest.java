package io.agentobs.cli.audit;

import io.agentobs.cli.TimeWindow;
import io.agentobs.cli.archive.ArchiveLocation;

import java.util.List;

/**
 * What one {@code audit verify} run checks, its options parsed and validated.
 *
 * @param topics the catalog topics, in the order given
 * @param window the hours to list (by the first record of each file); open ends list everything
 * @param format the report's form
 * @param location the archive
 * @param progress whether to show footer-reading progress on a terminal
 */
record VerifyRequest(List<String> topics, TimeWindow window, ReportFormat format, ArchiveLocation location,
        boolean progress) {
}
