package org.tavern.identity.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.IdentityMap;
import org.tavern.identity.PasswordCheck;
import org.tavern.identity.StoreException;

/** {@link Accounts} over the {@code account} table, with one live {@link AccountEntity} per nick. */
@Component(service = Accounts.class)
public final class AccountStore implements Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
    private static final Pattern NICK = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NICK_LENGTH + "}");
    private static final String COLUMNS = "id, nick, email, password_hash, moderator, inactive, created_at, last_login";

    private final Database database;
    private final PasswordHasher hasher;
    private final IdentityCache<String, AccountEntity> cache;

    @Activate
    public AccountStore(@Reference Database database) {
        this(database, PasswordHasher.DEFAULT);
    }

    AccountStore(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
        this.cache = new IdentityCache<>("accounts", this::load, AccountEntity::estimatedBytes,
                database.settings().cacheRecentMax());
        database.subscribe(AccountEntity.TYPE, new StoreChanges.Listener() {
            @Override
            public void changed(String key) {
                cache.peek(key).ifPresent(AccountStore.this::reread);
            }

            @Override
            public void missedSome() {
                cache.forEachLive(AccountStore.this::reread);
            }
        });
    }

    /** Another server changed the account: the live object takes the stored row and attributes. */
    private void reread(AccountEntity account) {
        if (!refresh(account)) {
            LOG.info("Account {} was removed by another server sharing the database", account.nick());
        }
        account.storedAttributes().forget();
    }

    /** The key of a nick in the identity map and the {@code nick_key} column. */
    static String key(String nick) {
        return nick.toLowerCase(Locale.ROOT);
    }

    static boolean validNick(String nick) {
        return nick != null && NICK.matcher(nick).matches();
    }

    @Override
    public Optional<Account> find(String nick) {
        if (!validNick(nick)) {
            return Optional.empty(); // such a nick cannot be registered
        }
        return cache.get(key(nick)).map(Account.class::cast);
    }

    @Override
    public Account create(String nick, String email, String password) {
        checkNick(nick);
        String mail = checkEmail(email);
        String hash = password == null ? null : hasher.hash(checkPassword(password));
        Instant now = Instant.now();
        long id = database.write("registering " + nick, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (nick, nick_key, email, "
                    + "password_hash, moderator, inactive, created_at) VALUES (?, ?, ?, ?, FALSE, FALSE, ?)",
                    new String[] {"id"})) {
                insert.setString(1, nick);
                insert.setString(2, key(nick));
                insert.setString(3, mail);
                insert.setString(4, hash);
                insert.setLong(5, now.toEpochMilli());
                insert.executeUpdate();
                database.announce(c, AccountEntity.TYPE, key(nick));
                return generatedId(insert);
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("nick " + nick + " is already registered");
                }
                throw e;
            }
        });
        LOG.info("Account {} registered (id {})", nick, id);
        return cache.install(key(nick), new AccountEntity(database, id, nick, mail, hash, false, false, now, null));
    }

    @Override
    public PasswordCheck verify(String nick, String password) {
        if (password == null) {
            throw new IllegalArgumentException("password is null");
        }
        if (!validNick(nick)) {
            hasher.verifyNothing(password);
            return PasswordCheck.NO_SUCH_ACCOUNT;
        }
        if (password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            return PasswordCheck.WRONG_PASSWORD;
        }
        // Read the row again: another server sharing the database may have changed it.
        Optional<AccountEntity> found = cache.get(key(nick));
        if (found.isEmpty()) {
            hasher.verifyNothing(password);
            return PasswordCheck.NO_SUCH_ACCOUNT;
        }
        AccountEntity account = found.get();
        if (!refresh(account)) {
            hasher.verifyNothing(password);
            return PasswordCheck.NO_SUCH_ACCOUNT;
        }
        String stored = account.passwordHash();
        if (stored == null) {
            hasher.verifyNothing(password);
            return PasswordCheck.WRONG_PASSWORD;
        }
        if (!hasher.verify(password, stored)) {
            return PasswordCheck.WRONG_PASSWORD;
        }
        if (hasher.needsRehash(stored)) {
            setPassword(nick, password);
            LOG.info("Password hash of {} upgraded to the current Argon2id parameters", account.nick());
        }
        return account.inactive() ? PasswordCheck.INACTIVE : PasswordCheck.OK;
    }

    @Override
    public Optional<Account> setPassword(String nick, String password) {
        String hash = hasher.hash(checkPassword(password));
        return update(nick, "setting the password of " + nick, "password_hash = ?",
                s -> s.setString(1, hash), a -> a.passwordHash(hash));
    }

    @Override
    public Optional<Account> setEmail(String nick, String email) {
        String mail = checkEmail(email);
        return update(nick, "setting the e-mail of " + nick, "email = ?", s -> s.setString(1, mail), a -> a.email(mail));
    }

    @Override
    public Optional<Account> setModerator(String nick, boolean moderator) {
        return update(nick, "setting the moderator flag of " + nick, "moderator = ?",
                s -> s.setBoolean(1, moderator), a -> a.moderator(moderator));
    }

    @Override
    public Optional<Account> setInactive(String nick, boolean inactive) {
        return update(nick, "setting the inactive flag of " + nick, "inactive = ?",
                s -> s.setBoolean(1, inactive), a -> a.inactive(inactive));
    }

    @Override
    public Optional<Account> recordLogin(String nick, Instant when) {
        if (when == null) {
            throw new IllegalArgumentException("login time is null");
        }
        return update(nick, "recording the login of " + nick, "last_login = ?",
                s -> s.setLong(1, when.toEpochMilli()), a -> a.lastLogin(when));
    }

    @Override
    public List<Account> list(String pattern, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 10000) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 to 10000: " + offset + ", " + limit);
        }
        SqlWildcards.Condition matching = SqlWildcards.matching(database.dialect(), "nick_key",
                pattern == null || pattern.isEmpty() ? "*" : key(pattern));
        List<AccountEntity> rows = database.read("listing accounts", c -> {
            List<AccountEntity> read = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM account WHERE "
                    + matching.sql() + " ORDER BY nick_key OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                select.setString(1, matching.parameter());
                select.setInt(2, offset);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        read.add(entity(rs));
                    }
                }
            }
            return read;
        });
        List<Account> result = new ArrayList<>(rows.size());
        for (AccountEntity row : rows) {
            result.add(cache.install(key(row.nick()), row));
        }
        return result;
    }

    @Override
    public long count() {
        return database.read("counting accounts", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM account")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public IdentityMap<String, Account> identityMap() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        IdentityMap<String, Account> view = (IdentityMap) cache;
        return view;
    }

    private AccountEntity load(String key) {
        return database.read("loading account " + key, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM account WHERE nick_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? entity(rs) : null;
                }
            }
        });
    }

    /** Reads the account's row again into the live object; false when the row is gone. */
    private boolean refresh(AccountEntity account) {
        synchronized (account) {
            AccountEntity row = database.read("reading account " + account.nick(), c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM account WHERE id = ?")) {
                    select.setLong(1, account.id());
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? entity(rs) : null;
                    }
                }
            });
            if (row == null) {
                return false;
            }
            account.refresh(row.email(), row.passwordHash(), row.moderator(), row.inactive(), row.lastLogin().orElse(null));
            return true;
        }
    }

    private AccountEntity entity(ResultSet rs) throws SQLException {
        long lastLogin = rs.getLong(8);
        Instant last = rs.wasNull() ? null : Instant.ofEpochMilli(lastLogin);
        return new AccountEntity(database, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBoolean(5), rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7)), last);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<Account> update(String nick, String what, String assignment, Binder binder,
            Consumer<AccountEntity> apply) {
        Optional<AccountEntity> found = validNick(nick) ? cache.get(key(nick)) : Optional.empty();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccountEntity account = found.get();
        synchronized (account) {
            int updated = database.write(what, c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE account SET " + assignment + " WHERE id = ?")) {
                    binder.bind(update);
                    update.setLong(2, account.id());
                    int changed = update.executeUpdate();
                    database.announce(c, AccountEntity.TYPE, key(account.nick()));
                    return changed;
                }
            });
            if (updated == 0) {
                return Optional.empty(); // removed from the database behind our back
            }
            apply.accept(account);
        }
        return Optional.of(account);
    }

    static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new StoreException("the database returned no id for the new row");
            }
            return keys.getLong(1);
        }
    }

    private static void checkNick(String nick) {
        if (!validNick(nick)) {
            throw new IllegalArgumentException("a nick is 1 to " + MAX_NICK_LENGTH
                    + " letters, digits, '-' or '_': " + (nick == null ? "null" : "'" + Sizes.abbreviate(nick) + "'"));
        }
    }

    static String checkEmail(String email) {
        if (email == null || email.isEmpty()) {
            return "";
        }
        String trimmed = email.strip();
        int at = trimmed.indexOf('@');
        if (trimmed.length() > MAX_EMAIL_LENGTH || at <= 0 || at != trimmed.lastIndexOf('@')
                || at == trimmed.length() - 1 || trimmed.chars().anyMatch(ch -> ch <= ' ' || ch == 127)) {
            throw new IllegalArgumentException("not an e-mail address: '" + Sizes.abbreviate(email) + "'");
        }
        return trimmed;
    }

    private static String checkPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password is 1 to " + MAX_PASSWORD_LENGTH + " characters");
        }
        return password;
    }
}
