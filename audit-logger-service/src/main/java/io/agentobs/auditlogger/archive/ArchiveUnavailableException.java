package io.agentobs.auditlogger.archive;



/** The archive cannot take more records now (S3 failing, or memory full of uploads); the batch is retried later. */
public class ArchiveUnavailableException extends Exception {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
