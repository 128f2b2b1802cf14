package io.agentobs.cli.archive;

import io.agentobs.audit.archive.ArchiveFileInfo;

import java.util.List;

/**
 * A topic's archive files in a time window, with their footers.
 *
 * @param files by partition, then start offset
 * @param vanished objects listed that were gone when their footer was read (deleted in between)
 */
public record ArchiveListing(List<ArchivedFile> files, int vanished) {

    public ArchiveListing {
        files = List.copyOf(files);
    }

    /** The footers, for {@link io.agentobs.audit.archive.ArchiveVerifier}. */
    public List<ArchiveFileInfo> infos() {
        return files.stream().map(ArchivedFile::info).toList();
    }
}
