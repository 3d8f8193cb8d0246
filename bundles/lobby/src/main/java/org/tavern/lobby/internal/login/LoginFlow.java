package org.tavern.lobby.internal.login;

import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.Accounts;
import org.tavern.identity.Wildcards;
import org.tavern.lobby.internal.common.Nicks;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.lobby.FloodControl;
import org.tavern.lobby.internal.lobby.LoginContext;
import org.tavern.lobby.internal.lobby.LoginHandler;
import org.tavern.lobby.internal.lobby.PasswordLogin;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.lobby.internal.metrics.Counters;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The 1.16 login: the server asked for {@code [version]}; an accepted version gets
 * {@code [mustlogin]}, any other is rejected; then {@code [login] username=} is checked in
 * wesnothd's order (error codes 100-104 are matched by the client) until a name is accepted,
 * which earns {@code [join_lobby]}, the full lobby list and the server's messages. With an account
 * store, {@link RegisteredLogin} decides on registered nicks (passwords, codes 105-204).
 */
public final class LoginFlow implements LoginHandler {

    static final String PROFILE_URL_PREFIX = "https://r.wesnoth.org/u";
    static final int MUST_LOGIN_FIRST = 100;
    static final int NAME_TAKEN = 101;
    static final int INVALID_CHARACTERS = 102;
    static final int TOO_LONG = 103;
    static final int RESERVED = 104;
    /** Clients older than this get wesnothd's security alert. */
    static final String SECURE_VERSION = "1.14.4";

    private static final Document MUST_LOGIN = ServerMessages.empty("mustlogin");

    private static final Logger LOG = LoggerFactory.getLogger(LoginFlow.class);

    private final LoginContext lobby;
    private final RegisteredLogin registeredLogin;
    /** Each refusal is counted by its code (for /metrics). */
    private final Counters counters;

    public LoginFlow(LoginContext lobby, Counters counters) {
        this.lobby = lobby;
        this.counters = counters;
        this.registeredLogin = new RegisteredLogin(lobby, counters);
    }

    /** Handles the answer to the server's version request; returns the accepted version or null. */
    @Override
    public String version(Connection connection, Node root) {
        Node version = root.child("version");
        if (version == null) {
            connection.close("first document had no [version]");
            return null;
        }
        String clientVersion = version.text("version");
        Settings settings = lobby.settings();
        if (Wildcards.anyMatches(settings.versionsAccepted(), clientVersion)) {
            connection.send(MUST_LOGIN);
            return clientVersion;
        }
        for (Map<String, String> redirect : settings.redirects()) {
            if (Wildcards.anyMatches(Wildcards.list(redirect.get("version")), clientVersion)) {
                Document document = Document.create();
                Node element = document.root().addChild("redirect");
                redirect.forEach(element::set);
                connection.send(document);
                connection.close("client version '" + clientVersion + "' redirected to " + redirect.get("host"));
                return null;
            }
        }
        Document reject = Document.create();
        String first = settings.versionsAccepted().isEmpty() ? "" : settings.versionsAccepted().get(0);
        reject.root().set("version", first);
        reject.root().addChild("reject").set("accepted_versions", String.join(",", settings.versionsAccepted()));
        connection.send(reject);
        connection.close("client version '" + clientVersion + "' not accepted");
        return null;
    }

    /**
     * Checks a login attempt. Without an account store it is decided at once; with one, the store is
     * asked off the actor and the decision follows on the actor. {@code loggedIn} gets the user once he
     * is in the lobby.
     */
    @Override
    public void login(Connection connection, String clientVersion, Node root, Consumer<User> loggedIn) {
        Node login = root.child("login");
        if (login == null) {
            counters.loginRefused(MUST_LOGIN_FIRST);
            connection.send(ServerMessages.error("You must login first.", MUST_LOGIN_FIRST));
            return;
        }
        String name = login.text("username");
        if (refusedName(connection, name)) {
            return;
        }
        Accounts accounts = lobby.accounts();
        if (accounts == null) {
            if (lobby.isLoggedIn(name)) {
                counters.loginRefused(NAME_TAKEN);
                connection.send(nameTaken(name));
                return;
            }
            loggedIn.accept(admit(connection, clientVersion, name, false, false));
            return;
        }
        String password = login.has("password") ? login.text("password") : null;
        lobby.holdDocuments(connection);
        lobby.passwordLogin().check(accounts, name, password, outcome -> lobby.executeLoginStep(() -> {
            try {
                conclude(connection, clientVersion, name, accounts, outcome, loggedIn);
            } finally {
                lobby.releaseDocuments(connection);
            }
        }));
    }

    /** The store has answered (lobby actor): the connection is answered, or logged in. */
    private void conclude(Connection connection, String clientVersion, String name, Accounts accounts,
            PasswordLogin.Outcome outcome, Consumer<User> loggedIn) {
        if (!lobby.awaitingLogin(connection)) {
            LOG.debug("{} closed while the login of {} was checked", connection, name);
            return;
        }
        RegisteredLogin.Admission admission = registeredLogin.decide(connection, name, outcome);
        if (admission == null) {
            return;
        }
        User admitted = admit(connection, clientVersion, name, admission.registered(), admission.moderator());
        if (admitted.registered) {
            lobby.passwordLogin().recordLogin(accounts, name, java.time.Instant.ofEpochMilli(lobby.nowMillis()));
        }
        loggedIn.accept(admitted);
    }

    static Document nameTaken(String name) {
        return ServerMessages.error("The nickname '" + name + "' is already taken.", NAME_TAKEN);
    }

    private User admit(Connection connection, String clientVersion, String name, boolean registered,
            boolean moderator) {
        // a version without numbers (test) is in the primary line, as it shares that wesnothd's lobby
        VersionLine line = VersionLine.of(clientVersion, VersionLine.primary(lobby.settings().versionsAccepted()));
        User user = new User(name, connection, clientVersion, line, lobby.nowMillis(), new FloodControl());
        user.registered = registered;
        user.moderator = moderator;
        connection.loggedIn(); // the transport's pre-login deadlines stop here
        lobby.join(user, () -> welcome(user));
        return user;
    }

    /** wesnothd's checks of the name itself, in its order; true when the name was refused (and told so). */
    private boolean refusedName(Connection connection, String name) {
        if (!Nicks.validCharacters(name)) {
            return refuse(connection, "The nickname '" + name + "' contains invalid characters. Only alpha-numeric "
                    + "characters, underscores and hyphens are allowed.", INVALID_CHARACTERS);
        }
        if (name.length() > Nicks.MAX_LENGTH) {
            return refuse(connection, "The nickname '" + name + "' is too long. Nicks must be " + Nicks.MAX_LENGTH
                    + " characters or less.", TOO_LONG);
        }
        for (String pattern : lobby.settings().disallowedNames()) {
            if (Wildcards.matchesIgnoreCase(pattern, name)) {
                return refuse(connection, "The nickname '" + name + "' is reserved and cannot be used by players",
                        RESERVED);
            }
        }
        return false;
    }

    private boolean refuse(Connection connection, String message, int code) {
        counters.loginRefused(code);
        connection.send(ServerMessages.error(message, code));
        return true;
    }

    private void welcome(User user) {
        Settings settings = lobby.settings();
        Document joinLobby = Document.create();
        joinLobby.root().addChild("join_lobby").set("is_moderator", user.moderator)
                .set("profile_url_prefix", PROFILE_URL_PREFIX);
        user.connection.send(joinLobby);
        user.connection.send(lobby.list(user).full());
        if (!settings.motd().isEmpty()) {
            user.connection.send(ServerMessages.message(settings.motd() + "\n" + settings.announcements(), "motd"));
        }
        user.connection.send(ServerMessages.message(settings.information(), "server_info"));
        user.connection.send(ServerMessages.message(settings.announcements(), "announcements"));
        if (ClientVersion.compare(user.clientVersion, SECURE_VERSION) < 0) {
            user.connection.send(ServerMessages.message("You are using version " + user.clientVersion
                    + " which has known security issues that can be used to compromise your computer. We strongly "
                    + "recommend updating to a Wesnoth version " + SECURE_VERSION + " or newer!", "alert"));
        }
        String recommended = settings.recommendedVersion();
        if (!recommended.isEmpty() && ClientVersion.compare(user.clientVersion, recommended) < 0) {
            user.connection.send(ServerMessages.message("A newer Wesnoth version, " + recommended + ", is out!",
                    "alert"));
        }
    }
}
