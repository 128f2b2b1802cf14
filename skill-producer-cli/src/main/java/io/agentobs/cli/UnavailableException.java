package io.agentobs.cli;

/**
 * A store a command must read or write could not be reached or read: the S3 archive, or Kafka before anything was
 * sent. Exit code 3, with a message that names the store and the cause.
 */
public class UnavailableException extends Exception {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
