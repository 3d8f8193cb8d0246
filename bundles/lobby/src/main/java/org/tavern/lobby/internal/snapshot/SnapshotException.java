package org.tavern.lobby.internal.snapshot;

/** A snapshot that cannot be read: truncated, not a snapshot, a format this lobby does not know. */
public final class SnapshotException extends Exception {

    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }
}
