package org.tavern.identity;

/** The outcome of {@link Accounts#verify}. */
public enum PasswordCheck {
    /** The password is right and the account may log in. */
    OK,
    /** No account has this nick. */
    NO_SUCH_ACCOUNT,
    /** The password is wrong, or the account has none. */
    WRONG_PASSWORD,
    /** The password is right but the account is inactive. */
    INACTIVE
}
