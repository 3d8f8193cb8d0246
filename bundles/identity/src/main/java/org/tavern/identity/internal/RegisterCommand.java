package org.tavern.identity.internal;

import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.StoreException;

/**
 * {@code register <nick> <email> [<password>]}: registers a nick. An admin command, so the console
 * ({@code tavern:register}, the fifo) and moderators ({@code /query register}) reach it; the password
 * is its secret, redacted in every log and shell history.
 */
@Component(service = AdminCommand.class)
public class RegisterCommand implements AdminCommand {

    static final String USAGE = "register <nick> <email>|- [<password>]";
    static final String HELP = "usage: " + USAGE + "\n  registers <nick> (1 to 20 letters, digits, - or _); <email> may"
            + " be - for none;\n  without <password> a random one is generated and printed";

    private final Accounts accounts;
    private final AccountCommandWorker worker;

    @Activate
    public RegisterCommand(@Reference Accounts accounts) {
        this.accounts = accounts;
        this.worker = new AccountCommandWorker("register");
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Permission permission() {
        return Permission.MODERATOR;
    }

    @Override
    public int secretArgumentsFrom() {
        return 2;
    }

    @Override
    public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
        String[] words = arguments.isBlank() ? new String[0] : arguments.strip().split("\\s+");
        return worker.submit(() -> register(words));
    }

    String register(String... args) {
        if (args.length < 2 || args.length > 3 || args[0].equals("-h") || args[0].equals("--help")) {
            return HELP;
        }
        String email = args[1].equals("-") ? "" : args[1];
        boolean generated = args.length == 2;
        String password = generated ? NewPassword.random(NewPassword.GENERATED_LENGTH) : args[2];
        Account account;
        try {
            account = accounts.create(args[0], email, password);
        } catch (IllegalArgumentException | IllegalStateException | StoreException e) {
            return "Not registered: " + e.getMessage();
        }
        return "Registered " + account.nick() + " (account " + account.id() + ")"
                + (generated ? "; password: " + password : "; password set");
    }

    @Deactivate
    void deactivate() {
        worker.close();
    }
}
