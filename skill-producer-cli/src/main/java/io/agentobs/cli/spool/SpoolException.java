package io.agentobs.cli.spool;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** The spool could not be read or written; the message names the path and the reason. */
public class SpoolException extends Exception {

    private static final long serialVersionUID = 1L;

    public SpoolException(String message) {
        super(message);
    }

    public SpoolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An I/O failure while doing {@code action} on {@code path}, e.g. "cannot create spool directory". */
    static SpoolException of(String action, Path path, IOException cause) {
        return new SpoolException(action + " " + path + ": " + reason(path, cause), cause);
    }

    private static String reason(Path path, IOException cause) {
        if (!(cause instanceof FileSystemException fse)) {
            return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
        String reason = fse.getReason();
        if (reason == null) {
            if (fse instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (fse instanceof NoSuchFileException) {
                reason = "no such file or directory";
            } else if (fse instanceof NotDirectoryException) {
                reason = "not a directory";
            } else {
                reason = fse.getClass().getSimpleName();
            }
        }
        String file = fse.getFile();
        if (file != null && !file.equals(path.toString())) {
            reason = reason + " (" + file + ")";
        }
        return reason;
    }
}
