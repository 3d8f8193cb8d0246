package org.tavern.identity.internal.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;

/** Gogo command {@code tavern:accounts [<nick pattern>] [<offset>]}: lists registered nicks. */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.identity.internal.AccountsCommand",
        service = AccountsCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=accounts"
        })
public class AccountsCommand {

    static final int PAGE = 50;
    static final String USAGE = "usage: tavern:accounts [<nick pattern>] [<offset>]\n"
            + "  lists registered nicks (" + PAGE + " at a time, from <offset>) matching the pattern (* and ? wildcards)";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Accounts accounts;

    @Activate
    public AccountsCommand(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    public String accounts(String... args) {
        PageArguments arguments = PageArguments.parse(args, USAGE);
        if (arguments.refusal() != null) {
            return arguments.refusal();
        }
        String pattern = arguments.pattern();
        int offset = arguments.offset();
        List<Account> page = accounts.list(pattern, offset, PAGE);
        long total = accounts.count();
        if (page.isEmpty()) {
            return "No accounts" + (pattern.isEmpty() ? "" : " match " + pattern) + " (" + total + " registered).";
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%6s  %-20s %-4s %-8s %-16s %-16s %s", "ID", "NICK", "MOD", "INACTIVE",
                "CREATED (UTC)", "LAST LOGIN", "EMAIL"));
        for (Account a : page) {
            lines.add(String.format(Locale.ROOT, "%6d  %-20s %-4s %-8s %-16s %-16s %s", a.id(), a.nick(),
                    a.moderator() ? "yes" : "", a.inactive() ? "yes" : "", time(a.created()),
                    a.lastLogin().map(AccountsCommand::time).orElse("never"), a.email()));
        }
        lines.add(page.size() + " shown from " + offset + "; " + total + " registered");
        return String.join("\n", lines);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
