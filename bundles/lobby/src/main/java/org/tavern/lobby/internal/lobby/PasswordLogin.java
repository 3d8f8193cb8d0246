package org.tavern.lobby.internal.lobby;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.PasswordCheck;

/**
 * Asks the account store about a nick trying to log in. The store reads the database and hashes
 * passwords (Argon2: tens of milliseconds), so this runs on its own small executor, never on the
 * lobby actor; the answer is handed to a continuation that the caller moves back to the actor.
 */
public final class PasswordLogin {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);

    /** What the store says about a login attempt. */
    public enum Verdict {
        /** No account has the nick: it logs in as before registration existed. */
        UNREGISTERED,
        /** The account exists but is inactive: it logs in unregistered after wesnothd's warning 106. */
        INACTIVE,
        /** Registered, and the login carried no password. */
        PASSWORD_NEEDED,
        VERIFIED,
        WRONG_PASSWORD,
        /** The store failed or is overloaded; the client may try again. */
        UNAVAILABLE
    }

    /** A verdict and, when verified, whether the account is a moderator. */
    public record Outcome(Verdict verdict, boolean moderator) {

        static Outcome of(Verdict verdict) {
            return new Outcome(verdict, false);
        }
    }

    private final Executor checks;

    /** {@code checks} should be bounded: a flood of logins is refused, not queued without end. */
    public PasswordLogin(Executor checks) {
        this.checks = checks;
    }

    /** Checks off the caller's thread; {@code answer} runs on the checking thread. */
    public void check(Accounts accounts, String nick, String password, Consumer<Outcome> answer) {
        try {
            checks.execute(() -> answer.accept(checkNow(accounts, nick, password)));
        } catch (RejectedExecutionException busy) {
            LOG.warn("Login of {} refused for now: too many password checks waiting", nick);
            answer.accept(Outcome.of(Verdict.UNAVAILABLE));
        }
    }

    /** Records a successful login, off the caller's thread (a failure is only logged). */
    public void recordLogin(Accounts accounts, String nick, Instant when) {
        try {
            checks.execute(() -> {
                try {
                    accounts.recordLogin(nick, when);
                } catch (RuntimeException e) {
                    LOG.warn("Could not record the login of {}", nick, e);
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.warn("Login of {} not recorded: too many password checks waiting", nick);
        }
    }

    /** Runs {@code task} on the checking executor; false when it is full. */
    public boolean offer(Runnable task) {
        try {
            checks.execute(task);
            return true;
        } catch (RejectedExecutionException busy) {
            return false;
        }
    }

    static Outcome checkNow(Accounts accounts, String nick, String password) {
        try {
            Optional<Account> found = accounts.find(nick);
            if (found.isEmpty()) {
                return Outcome.of(Verdict.UNREGISTERED);
            }
            Account account = found.get();
            // wesnothd looks at the inactive flag before asking for a password
            if (account.inactive()) {
                return Outcome.of(Verdict.INACTIVE);
            }
            if (password == null || password.isEmpty()) {
                return Outcome.of(Verdict.PASSWORD_NEEDED);
            }
            if (password.length() > Accounts.MAX_PASSWORD_LENGTH) {
                return Outcome.of(Verdict.WRONG_PASSWORD); // never hashed: the store refuses such lengths
            }
            PasswordCheck check = accounts.verify(nick, password);
            return switch (check) {
                case OK -> new Outcome(Verdict.VERIFIED, account.moderator());
                case WRONG_PASSWORD -> Outcome.of(Verdict.WRONG_PASSWORD);
                case INACTIVE -> Outcome.of(Verdict.INACTIVE);
                case NO_SUCH_ACCOUNT -> Outcome.of(Verdict.UNREGISTERED); // dropped meanwhile
            };
        } catch (RuntimeException e) {
            LOG.error("The account store failed while {} logged in", nick, e);
            return Outcome.of(Verdict.UNAVAILABLE);
        }
    }
}
