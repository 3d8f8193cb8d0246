package org.tavern.lobby.internal.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.Attributes;
import org.tavern.identity.IdentityMap;
import org.tavern.identity.PasswordCheck;

/** An account store in memory with plain-text passwords: what the lobby asks of the real one. */
public final class FakeAccounts implements Accounts {

    public static final class FakeAccount implements Account {
        final String nick;
        String password;
        public boolean moderator;
        public boolean inactive;
        public Instant created = Instant.parse("2026-01-02T03:04:05Z");
        public Instant lastLogin;

        FakeAccount(String nick, String password) {
            this.nick = nick;
            this.password = password;
        }

        @Override public String nick() { return nick; }
        @Override public String email() { return ""; }
        @Override public boolean moderator() { return moderator; }
        @Override public boolean inactive() { return inactive; }
        @Override public boolean hasPassword() { return password != null; }
        @Override public Instant created() { return created; }
        @Override public Optional<Instant> lastLogin() { return Optional.ofNullable(lastLogin); }
        @Override public long id() { return 1; }
        @Override public Attributes attributes() { throw new UnsupportedOperationException(); }
    }

    public final Map<String, FakeAccount> accounts = new ConcurrentHashMap<>();
    public final List<String> verified = new ArrayList<>();
    /** When set, every call fails as a broken database would. */
    public volatile boolean broken;

    public FakeAccount add(String nick, String password) {
        FakeAccount account = new FakeAccount(nick, password);
        accounts.put(nick.toLowerCase(Locale.ROOT), account);
        return account;
    }

    private void check() {
        if (broken) {
            throw new IllegalStateException("database is down");
        }
    }

    @Override
    public Optional<Account> find(String nick) {
        check();
        return Optional.ofNullable(accounts.get(nick.toLowerCase(Locale.ROOT)));
    }

    @Override
    public PasswordCheck verify(String nick, String password) {
        check();
        verified.add(nick);
        FakeAccount account = accounts.get(nick.toLowerCase(Locale.ROOT));
        if (account == null) {
            return PasswordCheck.NO_SUCH_ACCOUNT;
        }
        if (account.password == null || !account.password.equals(password)) {
            return PasswordCheck.WRONG_PASSWORD;
        }
        return account.inactive ? PasswordCheck.INACTIVE : PasswordCheck.OK;
    }

    @Override
    public Optional<Account> recordLogin(String nick, Instant when) {
        FakeAccount account = accounts.get(nick.toLowerCase(Locale.ROOT));
        if (account != null) {
            account.lastLogin = when;
        }
        return Optional.ofNullable(account);
    }

    @Override public Account create(String nick, String email, String password) { throw new UnsupportedOperationException(); }
    @Override public Optional<Account> setPassword(String nick, String password) { throw new UnsupportedOperationException(); }
    @Override public Optional<Account> setEmail(String nick, String email) { throw new UnsupportedOperationException(); }
    @Override public Optional<Account> setModerator(String nick, boolean moderator) { throw new UnsupportedOperationException(); }
    @Override public Optional<Account> setInactive(String nick, boolean inactive) { throw new UnsupportedOperationException(); }
    @Override public List<Account> list(String pattern, int offset, int limit) { throw new UnsupportedOperationException(); }
    @Override public long count() { return accounts.size(); }
    @Override public IdentityMap<String, Account> identityMap() { throw new UnsupportedOperationException(); }
}
