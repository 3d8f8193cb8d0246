package org.tavern.lobby.internal.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.tavern.api.CommandIssuer;
import java.util.Set;
import org.tavern.lobby.internal.ban.BanDuration;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code ban <mask> <time> <reason>} (and {@code kban}/{@code kickban}, which also kicks): an address
 * or address mask, or a nick mask resolved to the addresses of the online players it matches. Each ban
 * is on disk before the reply lists it.
 */
public final class BanCommand implements ModeratorCommand {

    static final String BAN_HELP = "ban <mask> <time> <reason>\nThe time format is: %d[%s[%d[%s[...]]]] where "
            + "%s is a time modifier: s or S (seconds), m (minutes), h or H (hours), d or D (days), M (months) or y or "
            + "Y (years) and %d is a number.\nPermanent bans can be set with 'permanent' or '0' as the time "
            + "argument.\nban 127.0.0.1 2h20m flooded lobby\nkban suokko 5D flooded again\nkban suokko Y One year "
            + "ban for constant flooding";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private final boolean kick;

    public BanCommand(boolean kick) {
        this.kick = kick;
    }

    @Override
    public List<String> names() {
        return kick ? List.of("kickban", "kban") : List.of("ban");
    }

    @Override
    public String usage() {
        return kick ? "kickban <mask> <time> <reason>" : "ban <mask> <time> <reason>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String[] parts = arguments.trim().split("\\s+", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return BAN_HELP;
        }
        if (parts.length < 3 || parts[2].isBlank()) {
            return "You need to give a reason for the ban.";
        }
        return ban(lobby, issuer, parts[0], parts[1], parts[2].trim(), "", kick);
    }

    /**
     * Sets the bans a mask names (an address mask, or the addresses of the online players a nick mask
     * matches), each durable before this returns; with {@code kick}, the players go too.
     */
    static String ban(AdminContext lobby, CommandIssuer issuer, String mask, String time, String reason, String group,
            boolean kick) {
        long now = lobby.nowMillis() / 1000 * 1000; // wesnothd keeps ban times in whole seconds
        long end;
        try {
            end = BanDuration.endMillis(time, lobby.settings().banTimes(), now, ZoneId.systemDefault());
        } catch (BanDuration.BadDuration e) {
            return e.getMessage() + "\n" + BAN_HELP;
        }
        Set<String> addresses = new LinkedHashSet<>();
        String nick = "";
        List<User> victims = new ArrayList<>();
        if (mask.indexOf('.') >= 0) {
            if (!mask.matches("[0-9*]{1,3}(\\.[0-9*]{1,3}){0,3}")) {
                return "Malformed ip address: " + mask;
            }
            addresses.add(mask);
            victims.addAll(KickCommand.matching(lobby, mask));
        } else {
            victims.addAll(KickCommand.matching(lobby, mask));
            if (victims.isEmpty()) {
                return "Nickname mask '" + mask + "' did not match, no bans set.";
            }
            nick = mask;
            for (User victim : victims) {
                addresses.add(victim.connection.remoteIp());
            }
        }
        List<String> lines = new ArrayList<>();
        List<BanList.Ban> added = new ArrayList<>();
        for (String address : addresses) {
            BanList.Ban ban = new BanList.Ban(address, nick, reason, now, end, issuer.name(), group);
            BanList.Ban replaced = lobby.bans().add(ban); // in force from now on
            added.add(ban);
            lines.add(replaced == null ? describe(ban) : "Overwriting ban: " + describe(replaced) + "\n"
                    + describe(ban));
        }
        List<User> kicked = kick ? victims : List.of();
        for (User victim : kicked) {
            lines.add("Kicked " + victim.name + " (" + victim.connection.remoteIp() + ").");
        }
        String answer = String.join("\n", lines);
        // The answer waits until the bans are durable; the kicked players go right after it.
        java.util.function.Consumer<String> reply = lobby.deferReplyInOrder(issuer);
        lobby.storedBans().add(added, failure -> lobby.execute(() -> {
            for (User victim : kicked) {
                lobby.sendAway(victim, "You have been banned. Reason: " + reason, "banned by " + issuer.name());
            }
            reply.accept(failure == null ? answer : "The ban could not be saved: " + failure);
        }));
        return answer;
    }

    /** A ban as wesnothd lists it. */
    static String describe(BanList.Ban ban) {
        String start = TIME.format(Instant.ofEpochMilli(ban.startMillis()).atZone(ZoneId.systemDefault()));
        // A dated end is followed by one more space than "permanent", as wesnothd prints it.
        String end = ban.permanent() ? "permanent"
                : TIME.format(Instant.ofEpochMilli(ban.endMillis()).atZone(ZoneId.systemDefault())) + " ";
        return "IP: " + ban.ipMask() + (ban.nick().isEmpty() ? "" : "  nick: " + ban.nick()) + "  reason: '"
                + ban.reason() + "'  start_time: " + start + "   end_time: " + end + "  issuer: " + ban.issuer();
    }
}
