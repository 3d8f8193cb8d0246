package org.tavern.identity.internal.command;

import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.StoreException;

/**
 * Gogo command {@code tavern:account <nick> [moderator|inactive yes|no] [email <address>]}: shows
 * one account, or changes its flags or e-mail.
 */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.identity.internal.AccountCommand",
        service = AccountCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=account"
        })
public class AccountCommand {

    static final String USAGE = "usage: tavern:account <nick> [moderator yes|no] [inactive yes|no] [email <address>|-]\n"
            + "  shows a registered nick, or sets whether it is a moderator, whether it is inactive (cannot log in),\n"
            + "  or its e-mail address";

    private final Accounts accounts;

    @Activate
    public AccountCommand(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    public String account(String... args) {
        if (args.length == 0 || args.length % 2 == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            return USAGE;
        }
        String nick = args[0];
        try {
            for (int i = 1; i < args.length; i += 2) {
                String value = args[i + 1];
                Optional<Account> changed;
                switch (args[i]) {
                    case "moderator", "inactive" -> {
                        Boolean flag = yesNo(value);
                        if (flag == null) {
                            return "Not yes or no: " + value + "\n" + USAGE;
                        }
                        changed = args[i].equals("moderator") ? accounts.setModerator(nick, flag)
                                : accounts.setInactive(nick, flag);
                    }
                    case "email" -> changed = accounts.setEmail(nick, value.equals("-") ? "" : value);
                    default -> {
                        return "Unknown setting: " + args[i] + "\n" + USAGE;
                    }
                }
                if (changed.isEmpty()) {
                    return "No account " + nick;
                }
            }
        } catch (IllegalArgumentException | StoreException e) {
            return "Not changed: " + e.getMessage();
        }
        return accounts.find(nick).map(AccountCommand::describe).orElse("No account " + nick);
    }

    static String describe(Account a) {
        return "Account " + a.id() + ": " + a.nick()
                + "\n  email:      " + (a.email().isEmpty() ? "(none)" : a.email())
                + "\n  moderator:  " + (a.moderator() ? "yes" : "no")
                + "\n  inactive:   " + (a.inactive() ? "yes" : "no")
                + "\n  password:   " + (a.hasPassword() ? "set" : "not set")
                + "\n  created:    " + AccountsCommand.time(a.created()) + " UTC"
                + "\n  last login: " + a.lastLogin().map(t -> AccountsCommand.time(t) + " UTC").orElse("never")
                + "\n  attributes: " + (a.attributes().keys().isEmpty() ? "(none)" : String.join(", ", a.attributes().keys()));
    }

    private static Boolean yesNo(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "on", "true" -> Boolean.TRUE;
            case "no", "off", "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
