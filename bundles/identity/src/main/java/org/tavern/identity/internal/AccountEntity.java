package org.tavern.identity.internal;

import java.time.Instant;
import java.util.Optional;
import org.tavern.identity.Account;
import org.tavern.identity.Attributes;

/**
 * The live object of one account row. Its fields change only through {@link AccountStore}, after
 * the row's change is committed, while the store holds this object's monitor.
 */
final class AccountEntity implements Account {

    /** Entity type of accounts in {@code entity_attribute}. */
    static final String TYPE = "account";

    private final long id;
    private final String nick;
    private final Instant created;
    private final EntityAttributes attributes;
    private volatile String email;
    private volatile String passwordHash;
    private volatile boolean moderator;
    private volatile boolean inactive;
    private volatile Instant lastLogin;

    AccountEntity(Database database, long id, String nick, String email, String passwordHash, boolean moderator,
            boolean inactive, Instant created, Instant lastLogin) {
        this.id = id;
        this.nick = nick;
        this.email = email;
        this.passwordHash = passwordHash;
        this.moderator = moderator;
        this.inactive = inactive;
        this.created = created;
        this.lastLogin = lastLogin;
        this.attributes = new EntityAttributes(database, TYPE, id, AccountStore.key(nick));
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String nick() {
        return nick;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public boolean moderator() {
        return moderator;
    }

    @Override
    public boolean inactive() {
        return inactive;
    }

    @Override
    public boolean hasPassword() {
        return passwordHash != null;
    }

    @Override
    public Instant created() {
        return created;
    }

    @Override
    public Optional<Instant> lastLogin() {
        return Optional.ofNullable(lastLogin);
    }

    @Override
    public Attributes attributes() {
        return attributes;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    void email(String email) {
        this.email = email;
    }

    void moderator(boolean moderator) {
        this.moderator = moderator;
    }

    void inactive(boolean inactive) {
        this.inactive = inactive;
    }

    void lastLogin(Instant when) {
        this.lastLogin = when;
    }

    /** The attributes, as their own class (to drop the copy in memory). */
    EntityAttributes storedAttributes() {
        return attributes;
    }

    /** Copies the stored row's mutable fields (read again from the database). */
    void refresh(String email, String passwordHash, boolean moderator, boolean inactive, Instant lastLogin) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.moderator = moderator;
        this.inactive = inactive;
        this.lastLogin = lastLogin;
    }

    /** This object, its strings and two Instants, and its loaded attributes. */
    long estimatedBytes() {
        return 48 + Sizes.string(nick) + Sizes.string(email) + Sizes.string(passwordHash) + 2 * 24 + 24
                + attributes.estimatedBytes();
    }

    @Override
    public String toString() {
        return "account " + nick + " (" + id + ")";
    }
}
