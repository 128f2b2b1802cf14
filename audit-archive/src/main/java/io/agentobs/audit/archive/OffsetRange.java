package io.agentobs.audit.archive;

/** A half-open range of offsets [{@code from}, {@code to}) of one partition. */
public record OffsetRange(long from, long to) {
}
