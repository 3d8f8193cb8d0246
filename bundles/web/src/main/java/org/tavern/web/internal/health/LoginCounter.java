package org.tavern.web.internal.health;

import java.util.concurrent.atomic.LongAdder;
import org.osgi.service.component.annotations.Component;
import org.tavern.api.LobbyListener;
import org.tavern.api.PlayerInfo;

/**
 * Counts logins and logouts for /metrics by listening to the lobby like any plugin (so it shows in
 * {@code tavern:plugins} as this bundle's listener): the lobby keeps no such count of its own.
 */
@Component(service = {LobbyListener.class, LoginCounter.class}, property = LobbyListener.NAME + "=metrics")
public class LoginCounter implements LobbyListener {

    private final LongAdder logins = new LongAdder();
    private final LongAdder logouts = new LongAdder();
    private final LongAdder gamesCreated = new LongAdder();
    private final LongAdder gamesEnded = new LongAdder();

    @Override
    public void loggedIn(PlayerInfo player) {
        logins.increment();
    }

    @Override
    public void loggedOut(String name, String reason) {
        logouts.increment();
    }

    @Override
    public void gameCreated(org.tavern.api.GameInfo game) {
        gamesCreated.increment();
    }

    @Override
    public void gameEnded(int gameId, String name, String reason) {
        gamesEnded.increment();
    }

    public long logins() {
        return logins.sum();
    }

    public long logouts() {
        return logouts.sum();
    }

    public long gamesCreated() {
        return gamesCreated.sum();
    }

    public long gamesEnded() {
        return gamesEnded.sum();
    }
}
