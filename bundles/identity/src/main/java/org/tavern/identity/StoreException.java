package org.tavern.identity;

/** The database could not do what was asked (unreachable, failing, or refusing); the message says what. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
