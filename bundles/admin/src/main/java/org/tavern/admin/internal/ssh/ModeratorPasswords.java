package org.tavern.admin.internal.ssh;

import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Accounts;
import org.tavern.identity.PasswordCheck;

/**
 * Password logins to the SSH console: the user name is an account of the identity store, its
 * password right, the account active and a moderator. An address that failed too often lately
 * ({@link FailedLogins}) is refused without checking. Without the store, no password logs in.
 */
final class ModeratorPasswords implements PasswordAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ModeratorPasswords.class);

    private final Supplier<Accounts> accounts;
    private final FailedLogins failures;

    ModeratorPasswords(Supplier<Accounts> accounts, FailedLogins failures) {
        this.accounts = accounts;
        this.failures = failures;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        String address = address(session);
        if (failures.refused(address)) {
            LOG.warn("SSH password login of {} from {} refused: too many failed logins from there", username, address);
            return false;
        }
        Accounts store = accounts.get();
        if (store == null) {
            LOG.warn("SSH password login of {} from {} refused: no account store", username, address);
            return false;
        }
        boolean ok;
        try {
            ok = store.verify(username, password) == PasswordCheck.OK
                    && store.find(username).map(account -> account.moderator()).orElse(false);
        } catch (RuntimeException e) {
            LOG.error("SSH password login of {} from {}: the account store failed", username, address, e);
            return false;
        }
        if (!ok) {
            failures.failed(address);
            LOG.warn("SSH password login of {} from {} refused: wrong password, or not a moderator", username, address);
        }
        return ok;
    }

    static String address(ServerSession session) {
        return session.getClientAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(session.getClientAddress());
    }
}
