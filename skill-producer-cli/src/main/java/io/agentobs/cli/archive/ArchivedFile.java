package io.agentobs.cli.archive;

import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchiveObject;

/**
 * One archive file as listed, with what its Parquet footer says.
 *
 * @param object the S3 object: key and size
 * @param info the footer: topic, partition, the offset range [start, end) it covers, record count and timestamps
 */
public record ArchivedFile(ArchiveObject object, ArchiveFileInfo info) {
}
