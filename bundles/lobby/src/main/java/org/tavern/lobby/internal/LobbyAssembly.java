package org.tavern.lobby.internal;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.tavern.lobby.internal.command.CreateGameCommand;
import org.tavern.lobby.internal.command.JoinCommand;
import org.tavern.lobby.internal.command.LobbyGameHistoryCommand;
import org.tavern.lobby.internal.command.LobbyChatCommand;
import org.tavern.lobby.internal.command.NickservCommand;
import org.tavern.lobby.internal.command.QueryCommand;
import org.tavern.lobby.internal.command.RefreshLobbyCommand;
import org.tavern.lobby.internal.command.WhisperCommand;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.login.LoginFlow;

/** Puts a lobby together with its login and its commands (the lobby itself knows only their contexts). */
public final class LobbyAssembly {

    private LobbyAssembly() {
    }

    /** {@code actor} runs the lobby's tasks and its games' actors. */
    public static Lobby create(Executor actor, LongSupplier clock, Settings settings) {
        return create(actor, actor, clock, settings);
    }

    /** {@code actor} runs the lobby's own tasks; {@code pool} runs the games' actors. */
    public static Lobby create(Executor actor, Executor pool, LongSupplier clock, Settings settings) {
        return new Lobby(actor, pool, clock, settings, lobby -> new LoginFlow(lobby, lobby.services().counters()),
                // wesnothd's dispatch: the first of these a document contains is handled, and nothing else
                lobby -> List.of(new RefreshLobbyCommand(), new WhisperCommand(), new QueryCommand(lobby),
                        new NickservCommand()),
                List.of(new LobbyChatCommand(), new CreateGameCommand(), new JoinCommand(),
                        new LobbyGameHistoryCommand()));
    }
}
