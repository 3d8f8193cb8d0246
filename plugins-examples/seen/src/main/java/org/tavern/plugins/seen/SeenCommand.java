package org.tavern.plugins.seen;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.api.LobbyListener;
import org.tavern.api.Permission;
import org.tavern.api.PlayerInfo;

/**
 * {@code /query seen <nick>} (also {@code tavern:seen} and the fifo): when a player was last online.
 * One component is both the lobby listener that records logins and logouts and the admin command
 * that answers; what it knows starts when the plugin starts.
 */
@Component(service = {AdminCommand.class, LobbyListener.class}, property = LobbyListener.NAME + "=seen")
public class SeenCommand implements AdminCommand, LobbyListener {

    /** Nicks remembered; the least recently seen are forgotten first. */
    static final int CAPACITY = 10_000;

    private final LastSeen lastSeen = new LastSeen(CAPACITY);
    private final Supplier<Instant> clock;
    private final Instant since;

    @Activate
    public SeenCommand() {
        this(Instant::now);
    }

    SeenCommand(Supplier<Instant> clock) {
        this.clock = clock;
        this.since = clock.get();
    }

    @Override
    public String name() {
        return "seen";
    }

    @Override
    public String usage() {
        return "seen <nick>";
    }

    @Override
    public Permission permission() {
        return Permission.EVERYONE;
    }

    @Override
    public CompletionStage<String> execute(CommandIssuer issuer, String arguments) {
        String nick = arguments.trim();
        if (nick.isEmpty() || nick.contains(" ")) {
            return CompletableFuture.completedFuture("Usage: " + usage());
        }
        String answer = lastSeen.find(nick).map(visit -> visit.online()
                        ? visit.name() + " is online (since " + ago(visit.loggedIn()) + ")."
                        : visit.name() + " was last seen " + ago(visit.loggedOut())
                                + (visit.reason().isEmpty() ? "." : " (" + visit.reason() + ")."))
                .orElse(nick + " has not been seen since " + ago(since) + ".");
        return CompletableFuture.completedFuture(answer);
    }

    @Override
    public void loggedIn(PlayerInfo player) {
        lastSeen.loggedIn(player.name(), clock.get());
    }

    @Override
    public void loggedOut(String name, String reason) {
        lastSeen.loggedOut(name, clock.get(), reason);
    }

    private String ago(Instant then) {
        if (then == null) {
            return "before this plugin started";
        }
        long seconds = Math.max(0, Duration.between(then, clock.get()).toSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min ago";
        }
        return seconds / 86_400 + " days ago";
    }
}
