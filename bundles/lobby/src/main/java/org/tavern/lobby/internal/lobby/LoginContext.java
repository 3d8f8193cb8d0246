package org.tavern.lobby.internal.lobby;

import org.tavern.identity.Accounts;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.ban.FailedLogins;
import org.tavern.lobby.internal.ban.StoredBans;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.transport.Connection;

/** What a login may ask of the lobby and do to it (lobby actor). */
public interface LoginContext {

    Settings settings();

    long nowMillis();

    /** The list of his version line, as his client mirrors it. */
    LobbyList list(User user);

    boolean isLoggedIn(String name);

    User user(String name);

    /** Whether the connection is still open and not yet logged in. */
    boolean awaitingLogin(Connection connection);

    /** Adds a logged-in user; he gets his {@code welcome} once the lobby has been told of him. */
    void join(User user, Runnable welcome);

    /** Removes a player at once (wesnothd's kick), his connection told why and closed. */
    void kick(User user, String reason);

    /** Null when the server has no account store. */
    Accounts accounts();

    PasswordLogin passwordLogin();

    void holdDocuments(Connection connection);

    void releaseDocuments(Connection connection);

    /** Runs a step of a login on the actor, without announcing the pending logins first. */
    void executeLoginStep(Runnable task);

    boolean denyUnregistered();

    FailedLogins failedLogins();

    BanList bans();

    StoredBans storedBans();
}
