package org.tavern.identity.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.identity.Accounts;
import org.tavern.identity.StoreException;

/** Gogo command {@code tavern:passwd <nick> [<password>]}: sets a registered nick's password. */
@Component(
        service = PasswdCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=passwd"
        })
public class PasswdCommand {

    static final String USAGE = "usage: tavern:passwd <nick> [<password>]\n"
            + "  sets the password of a registered nick; without <password> a random one is generated and printed";

    private final Accounts accounts;

    @Activate
    public PasswdCommand(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    public String passwd(String... args) {
        if (args.length < 1 || args.length > 2 || args[0].equals("-h") || args[0].equals("--help")) {
            return USAGE;
        }
        NewPassword password = NewPassword.from(args, 1);
        try {
            return accounts.setPassword(args[0], password.text())
                    .map(a -> "Password of " + a.nick()
                            + (password.generated() ? " set to: " + password.text() : " set"))
                    .orElse("No account " + args[0] + " (tavern:register registers one)");
        } catch (IllegalArgumentException | StoreException e) {
            return "Password not set: " + e.getMessage();
        }
    }
}
