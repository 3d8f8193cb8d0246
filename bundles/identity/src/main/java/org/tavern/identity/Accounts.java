package org.tavern.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered nicks. Nicks are 1 to {@value #MAX_NICK_LENGTH} characters of {@code A-Z a-z 0-9 - _}
 * (wesnothd's rule) and compared case-insensitively. Passwords are stored as Argon2id hashes
 * (bcrypt hashes, as phpBB writes them, are also verified). Every change is committed before the
 * method returns; the methods that change an account return the live account, or empty when no
 * account has the nick.
 */
@ProviderType
public interface Accounts {

    int MAX_NICK_LENGTH = 20;
    int MAX_EMAIL_LENGTH = 320;
    /** Longer passwords are refused (hashing cost is bounded). */
    int MAX_PASSWORD_LENGTH = 1024;

    /** The account of this nick (loaded on demand, then the same object while it is in use). */
    Optional<Account> find(String nick);

    /**
     * Registers a nick.
     *
     * @param email may be empty
     * @param password may be null: the account then cannot log in until {@link #setPassword}
     * @throws IllegalArgumentException for an invalid nick, e-mail or password
     * @throws IllegalStateException when the nick is already registered
     */
    Account create(String nick, String email, String password);

    /**
     * Checks a password (in constant time for a given hash; a missing account costs the same hash).
     * A stored hash with outdated parameters is replaced by a current one on success.
     */
    PasswordCheck verify(String nick, String password);

    Optional<Account> setPassword(String nick, String password);

    Optional<Account> setEmail(String nick, String email);

    Optional<Account> setModerator(String nick, boolean moderator);

    Optional<Account> setInactive(String nick, boolean inactive);

    /** Records a successful login at {@code when}. */
    Optional<Account> recordLogin(String nick, Instant when);

    /**
     * Accounts whose nick matches {@code pattern} ({@code *} and {@code ?} wildcards,
     * case-insensitive; empty matches all), by nick, paged.
     */
    List<Account> list(String pattern, int offset, int limit);

    long count();

    /** The identity map holding live accounts, keyed by lower-case nick. */
    IdentityMap<String, Account> identityMap();
}
