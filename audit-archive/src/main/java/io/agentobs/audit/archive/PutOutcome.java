package io.agentobs.audit.archive;

/** Result of a create-only write: the object was created, or an object of that key was already there. */
public enum PutOutcome {
    CREATED,
    ALREADY_EXISTS
}
