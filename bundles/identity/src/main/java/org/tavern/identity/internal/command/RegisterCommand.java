package org.tavern.identity.internal.command;

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
 * {@code register <nick> <email> [<password>]}: registers a nick. An admin command, so the console
 * ({@code tavern:register}, the fifo) and moderators ({@code /query register}) reach it; the password
 * and the e-mail before it are its secrets, redacted in every log and shell history.
 */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.identity.internal.RegisterCommand",
        service = AdminCommand.class, property = AdminCommand.SERVER_COMMAND_PROPERTY + ":Boolean=true")
public class RegisterCommand extends AccountAdminCommand {

    static final String USAGE = "register <nick> <email>|- [<password>]";
    static final String HELP = "usage: " + USAGE + "\n  registers <nick> (1 to 20 letters, digits, - or _); <email> may"
            + " be - for none;\n  without <password> a random one is generated and printed";

    private final Accounts accounts;

    @Activate
    public RegisterCommand(@Reference Accounts accounts) {
        // From the e-mail on: a password typed without the e-mail before it stands there, and an
        // address is personal data the log does not need either.
        super("register", USAGE, 1);
        this.accounts = accounts;
    }

    @Override
    String run(CommandIssuer issuer, String[] words) {
        return register(words);
    }

    String register(String... args) {
        if (args.length < 2 || args.length > 3 || args[0].equals("-h") || args[0].equals("--help")) {
            return HELP;
        }
        String email = args[1].equals("-") ? "" : args[1];
        NewPassword password = NewPassword.from(args, 2);
        Account account;
        try {
            account = accounts.create(args[0], email, password.text());
        } catch (IllegalArgumentException | IllegalStateException | StoreException e) {
            return "Not registered: " + e.getMessage();
        }
        return "Registered " + account.nick() + " (account " + account.id() + ")"
                + (password.generated() ? "; password: " + password.text() : "; password set");
    }

    @Deactivate
    void deactivate() {
        stopWorker();
    }
}
