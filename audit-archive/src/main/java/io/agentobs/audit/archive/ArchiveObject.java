package io.agentobs.audit.archive;

/** An archive object as listed in the bucket: its key and size in bytes. */
public record ArchiveObject(String key, long size) {
}
