package org.tavern.identity.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.StoreException;

/** Gogo command {@code tavern:register <nick> <email> [<password>]}: registers a nick. */
@Component(
        service = RegisterCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=register"
        })
public class RegisterCommand {

    static final String USAGE = "usage: tavern:register <nick> <email> [<password>]\n"
            + "  registers <nick> (1 to 20 letters, digits, - or _); <email> may be - for none;\n"
            + "  without <password> a random one is generated and printed";

    private final Accounts accounts;

    @Activate
    public RegisterCommand(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    public String register(String... args) {
        if (args.length < 2 || args.length > 3 || args[0].equals("-h") || args[0].equals("--help")) {
            return USAGE;
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
}
