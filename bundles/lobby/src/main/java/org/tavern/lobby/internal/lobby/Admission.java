package org.tavern.lobby.internal.lobby;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.transport.Connection;

/**
 * Who may connect at all: not a TOR address, not a banned one, not one with too many players
 * logged in already. A refused connection is told why and closed before it sees anything (lobby actor).
 */
public final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private final Lobby lobby;
    private final LobbyState state;

    Admission(Lobby lobby, LobbyState state) {
        this.lobby = lobby;
        this.state = state;
    }

    /** True when the connection was refused (and closed). */
    boolean refuses(Connection connection) {
        return refusedAsBanned(connection) || refusedAsTooMany(connection);
    }

    /** A banned address is told why and for how long, then closed, before anything else (as wesnothd). */
    private boolean refusedAsBanned(Connection connection) {
        if (state.torAddresses.contains(connection.remoteIp())) {
            connection.send(ServerMessages.error("You are banned. Reason: TOR IP"));
            connection.close("TOR IP");
            LOG.info("Refused {}: listed as a TOR address", connection.remoteIp());
            return true;
        }
        long now = lobby.nowMillis();
        if (state.bans.expire(now)) {
            lobby.storedBans().expire(now);
        }
        BanList.Ban ban = state.bans.find(connection.remoteIp());
        if (ban == null) {
            return false;
        }
        // Whole seconds, as wesnothd counts them (a 5 minute ban shows 5 minutes right after it is set).
        long remainingSeconds = ban.endMillis() / 1000 - now / 1000;
        String remaining = ban.permanent() ? "permanent" : ServerMessages.span(remainingSeconds * 1000);
        connection.send(ServerMessages.error("You are banned. Reason: " + ban.reason()
                + (ban.nick().isEmpty() ? "" : " (" + ban.nick() + ")") + " (Remaining ban duration: " + remaining + ")"));
        connection.close("banned");
        LOG.info("Refused {}: banned ({})", connection.remoteIp(), ban.reason());
        return true;
    }

    /**
     * wesnothd's {@code connections_allowed}: counted on players already logged in from that address,
     * when a connection arrives (connections still logging in do not count).
     */
    private boolean refusedAsTooMany(Connection connection) {
        int allowed = lobby.settings().connectionsAllowed();
        if (allowed <= 0) {
            return false;
        }
        String address = connection.remoteIp();
        long loggedIn = state.users.values().stream().filter(u -> u.connection.remoteIp().equals(address)).count();
        if (loggedIn < allowed) {
            return false;
        }
        connection.send(ServerMessages.error("Too many connections from your IP."));
        connection.close("too many connections from " + address);
        LOG.info("Refused {}: {} players already logged in from there", address, loggedIn);
        return true;
    }
}
