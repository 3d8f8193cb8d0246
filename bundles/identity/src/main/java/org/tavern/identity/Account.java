package org.tavern.identity;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A registered nick. The live object is updated by {@link Accounts} when the stored row changes
 * through this server; its getters never touch the database.
 */
@ProviderType
public interface Account extends Entity {

    /** The nick as registered (login compares nicks case-insensitively). */
    String nick();

    /** The e-mail address given at registration; empty when none was given. */
    String email();

    boolean moderator();

    /** An inactive account cannot log in. */
    boolean inactive();

    /** Whether a password is set (an account without one cannot log in). */
    boolean hasPassword();

    Instant created();

    Optional<Instant> lastLogin();
}
