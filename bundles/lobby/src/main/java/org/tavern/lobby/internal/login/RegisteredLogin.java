package org.tavern.lobby.internal.login;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.lobby.Admission;
import org.tavern.lobby.internal.lobby.LoginContext;
import org.tavern.lobby.internal.lobby.PasswordLogin;
import org.tavern.lobby.internal.metrics.Counters;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;

/**
 * wesnothd's login steps 5-8 on a server with registered nicks, once the account store has answered
 * ({@link PasswordLogin}): inactive warning 106, password request 200/201, wrong password 203, too
 * many attempts 204 (and an address ban), unregistered refused 105, and a registered nick taking its
 * name over from an older session. Runs on the lobby actor.
 */
final class RegisteredLogin {

    private static final Logger LOG = LoggerFactory.getLogger(RegisteredLogin.class);

    static final int NOT_REGISTERED = 105;
    static final int INACTIVE = 106;
    static final int PASSWORD_REQUEST = 200;
    static final int PASSWORD_REQUEST_NAME_IN_USE = 201;
    static final int INCORRECT_PASSWORD = 203;
    static final int TOO_MANY_ATTEMPTS = 204;
    static final String TAKEOVER_REASON = "autokick by registered user";
    static final String TOO_MANY_ATTEMPTS_REASON = "Maximum login attempts exceeded";

    /** How the accepted nick enters the lobby. */
    record Admission(boolean registered, boolean moderator) {
    }

    private final LoginContext lobby;
    private final Counters counters;

    RegisteredLogin(LoginContext lobby, Counters counters) {
        this.lobby = lobby;
        this.counters = counters;
    }

    /** Answers the client; returns how it is admitted, or null when it is not (yet). */
    Admission decide(Connection connection, String name, PasswordLogin.Outcome outcome) {
        boolean taken = lobby.isLoggedIn(name);
        switch (outcome.verdict()) {
            case INACTIVE:
                connection.send(inactiveWarning(name));
                return unregistered(connection, name, taken);
            case UNREGISTERED:
                return unregistered(connection, name, taken);
            case PASSWORD_NEEDED:
                counters.loginRefused(taken ? PASSWORD_REQUEST_NAME_IN_USE : PASSWORD_REQUEST);
                connection.send(passwordRequest(name, taken));
                return null;
            case WRONG_PASSWORD:
                wrongPassword(connection, name);
                return null;
            case VERIFIED:
                if (taken) {
                    LOG.info("{} logged in again from {}: the older session is kicked", name, connection.remoteIp());
                    lobby.kick(lobby.user(name), TAKEOVER_REASON);
                }
                return new Admission(true, outcome.moderator());
            case UNAVAILABLE:
            default:
                counters.loginRefusedWithoutCode();
                connection.send(ServerMessages.error("The server cannot check registered nicks right now. "
                        + "Please try again later."));
                return null;
        }
    }

    private Admission unregistered(Connection connection, String name, boolean taken) {
        if (lobby.denyUnregistered()) {
            counters.loginRefused(NOT_REGISTERED);
            connection.send(ServerMessages.error("The nickname '" + name + "' is not registered. This server "
                    + "disallows unregistered nicknames.", NOT_REGISTERED));
            return null;
        }
        if (taken) {
            counters.loginRefused(LoginFlow.NAME_TAKEN);
            connection.send(LoginFlow.nameTaken(name));
            return null;
        }
        return new Admission(false, false);
    }

    private void wrongPassword(Connection connection, String name) {
        String address = connection.remoteIp();
        if (!lobby.failedLogins().recordAndCheck(address, lobby.nowMillis())) {
            counters.loginRefused(INCORRECT_PASSWORD);
            LOG.info("Wrong password for {} from {}", name, address);
            Document error = ServerMessages.error("The password you provided for the nickname '" + name
                    + "' was incorrect.", INCORRECT_PASSWORD);
            error.root().child("error").set("force_confirmation", "no").set("password_request", "yes");
            connection.send(error);
            return;
        }
        long now = lobby.nowMillis();
        BanList.Ban ban = new BanList.Ban(address, "", TOO_MANY_ATTEMPTS_REASON, now,
                now + lobby.failedLogins().banMillis(), "automatic", "");
        lobby.bans().add(ban);
        lobby.storedBans().add(java.util.List.of(ban), failure -> {
            if (failure != null) {
                LOG.error("Could not save the ban of {} for too many failed logins: {}", address, failure);
            }
        });
        LOG.warn("Banned {} for {} s: too many wrong passwords (last for {})", address,
                lobby.failedLogins().banMillis() / 1000, name);
        counters.loginRefused(TOO_MANY_ATTEMPTS);
        connection.send(ServerMessages.error("You have made too many failed login attempts.", TOO_MANY_ATTEMPTS));
        // the address is banned now, as any new connection from it would be told
        connection.close("too many failed logins");
    }

    static Document passwordRequest(String name, boolean nameInUse) {
        String message = "The nickname '" + name + "' is registered on this server.";
        if (nameInUse) {
            message += "\n\nWARNING: There is already a client using this username, logging in will cause that "
                    + "client to be kicked!";
        }
        Document request = ServerMessages.error(message, nameInUse ? PASSWORD_REQUEST_NAME_IN_USE : PASSWORD_REQUEST);
        request.root().child("error").set("force_confirmation", nameInUse ? "yes" : "no")
                .set("password_request", "yes");
        return request;
    }

    static Document inactiveWarning(String name) {
        Document warning = Document.create();
        warning.root().addChild("warning").set("message", "The nickname '" + name + "' is inactive. You cannot "
                + "claim ownership of this nickname until you activate your account via email or ask an "
                + "administrator to do it for you.").set("warning_code", Integer.toString(INACTIVE));
        return warning;
    }
}
