package org.tavern.identity.internal;

import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.StoreException;

/**
 * {@code passwd <nick> [<password>]}: sets a registered nick's password. The console may set any;
 * a moderator ({@code /query passwd}) only that of an account that is no moderator, since a
 * moderator account's password opens the SSH console. The password is redacted in every log.
 */
@Component(service = AdminCommand.class, property = AdminCommand.SERVER_COMMAND_PROPERTY + ":Boolean=true")
public class PasswdCommand extends AccountAdminCommand {

    static final String USAGE = "passwd <nick> [<password>]";
    static final String HELP = "usage: " + USAGE + "\n  sets the password of a registered nick; without <password> a"
            + " random one is generated and printed";
    static final String MODERATOR_ACCOUNT = "Only the server's console may set the password of a moderator's account.";

    private final Accounts accounts;

    @Activate
    public PasswdCommand(@Reference Accounts accounts) {
        super("passwd", USAGE, 1);
        this.accounts = accounts;
    }

    @Override
    String run(CommandIssuer issuer, String[] words) {
        return passwd(issuer, words);
    }

    String passwd(CommandIssuer issuer, String... args) {
        if (args.length < 1 || args.length > 2 || args[0].equals("-h") || args[0].equals("--help")) {
            return HELP;
        }
        try {
            Optional<Account> account = accounts.find(args[0]);
            if (account.isEmpty()) {
                return "No account " + args[0] + " (register registers one)";
            }
            if (!issuer.console() && account.get().moderator()) {
                return MODERATOR_ACCOUNT;
            }
            NewPassword password = NewPassword.from(args, 1);
            return accounts.setPassword(args[0], password.text())
                    .map(a -> "Password of " + a.nick()
                            + (password.generated() ? " set to: " + password.text() : " set"))
                    .orElse("No account " + args[0] + " (register registers one)");
        } catch (IllegalArgumentException | StoreException e) {
            return "Password not set: " + e.getMessage();
        }
    }

    @Deactivate
    void deactivate() {
        stopWorker();
    }
}
