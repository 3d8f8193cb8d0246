package org.tavern.lobby.internal.command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.wml.Node;

/**
 * {@code [nickserv]}: without an account store, registration is refused as the Debian wesnothd
 * refuses it; with one, {@code [info] name=} tells when a nick was registered and last logged in
 * (looked up off the lobby actor; the answer is sent from it). Other requests are ignored, as
 * wesnothd 1.16 ignores them: nicks are registered by the administrator.
 */
public final class NickservCommand implements LobbyCommand {

    private static final Logger LOG = LoggerFactory.getLogger(NickservCommand.class);

    /** C's {@code ctime}: {@code Wed Jun 30 21:49:08 1993} and a newline, in the server's time zone. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH);

    @Override
    public String tag() {
        return "nickserv";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        Accounts accounts = lobby.accounts();
        if (accounts == null) {
            user.connection.send(ServerMessages.message("This server does not allow username registration.", "error"));
            return;
        }
        Node info = element.child("info");
        if (info == null) {
            LOG.debug("Ignored a [nickserv] request without [info] from {}", user.name);
            return;
        }
        String name = info.text("name");
        // what the player sends meanwhile waits, so the answers keep the order of the requests
        lobby.holdDocuments(user.connection);
        boolean queued = lobby.passwordLogin().offer(() -> {
            String[] answer = describe(accounts, name);
            lobby.execute(() -> {
                user.connection.send(ServerMessages.message(answer[1], answer[0]));
                lobby.releaseDocuments(user.connection);
            });
        });
        if (!queued) {
            user.connection.send(ServerMessages.message(lookupError(name, "the server is busy"), "error"));
            lobby.releaseDocuments(user.connection);
        }
    }

    /** The message type and text (runs off the lobby actor). */
    static String[] describe(Accounts accounts, String name) {
        Optional<Account> found;
        try {
            found = name.isEmpty() ? Optional.empty() : accounts.find(name);
        } catch (RuntimeException e) {
            LOG.error("Account store failed looking up '{}'", name, e);
            return new String[] {"error", lookupError(name, "the account store is not available")};
        }
        if (found.isEmpty()) {
            return new String[] {"error", lookupError(name, "No user with the name '" + name + "' exists.")};
        }
        Account account = found.get();
        StringBuilder text = new StringBuilder("Name: ").append(account.nick()).append("\nRegistered: ")
                .append(ctime(account.created())).append("Last login: ")
                .append(account.lastLogin().map(NickservCommand::ctime).orElse("Never\n"));
        if (account.inactive()) {
            text.append("This account is currently inactive.\n");
        }
        return new String[] {"info", text.toString()};
    }

    private static String lookupError(String name, String reason) {
        return "There was an error looking up the details of the user '" + name + "'.  The error message was: "
                + reason;
    }

    public static String ctime(Instant when) {
        return CTIME.format(when.atZone(ZoneId.systemDefault())) + "\n";
    }
}
