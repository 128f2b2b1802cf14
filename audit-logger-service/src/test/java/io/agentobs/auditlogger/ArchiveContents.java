package io.agentobs.auditlogger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.agentobs.audit.archive.ArchiveFileInfo;
import io.agentobs.audit.archive.ArchiveObject;
import io.agentobs.audit.archive.ArchiveVerifier;
import io.agentobs.audit.archive.ArchivedRecord;
import io.agentobs.audit.archive.PartitionCoverage;
import io.agentobs.audit.archive.S3Archive;
import io.agentobs.audit.archive.S3Settings;
import io.agentobs.infra.junit.S3Extension;

/** Reads back what the service archived for a topic: the objects' coverage and every record. */
final class ArchiveContents implements AutoCloseable {

    private final S3Archive archive;

    ArchiveContents(S3Extension s3) {
        S3Settings settings = new S3Settings(AuditServices.BUCKET, "events/", s3.endpoint(), s3.region(), true,
                s3.accessKey(), s3.secretKey(), S3Settings.ConditionalWrites.AUTO);
        this.archive = new S3Archive(settings.newClient(), settings);
    }

    /** The footers of the topic's objects. */
    List<ArchiveFileInfo> files(String topic) {
        List<ArchiveFileInfo> infos = new ArrayList<>();
        for (ArchiveObject object : archive.list(topic, null, null)) {
            try {
                archive.readInfo(object).ifPresent(infos::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return infos;
    }

    /** Per partition: offsets covered, gaps and overlaps. */
    List<PartitionCoverage> coverage(String topic) {
        return ArchiveVerifier.verify(files(topic));
    }

    /** Every archived record of the topic, object by object in key order. */
    List<ArchivedRecord> records(String topic) {
        List<ArchivedRecord> records = new ArrayList<>();
        for (ArchiveObject object : archive.list(topic, null, null)) {
            try {
                archive.forEachRecord(object, records::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    /** Number of objects of the topic. */
    int objectCount(String topic) {
        return archive.list(topic, null, null).size();
    }

    @Override
    public void close() {
        archive.close();
    }
}
