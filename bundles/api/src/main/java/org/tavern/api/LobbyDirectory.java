package org.tavern.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The lobby model, as a service: the online players, the games, and the "games and users" document
 * every lobby client mirrors (one per version line; {@link #lobbyDocument()} is the oldest line's). Each answer is a snapshot taken on the actor that owns the
 * state; nothing here locks the lobby.
 */
@ProviderType
public interface LobbyDirectory {

    /** Everyone logged in, in login order. */
    CompletionStage<List<PlayerInfo>> players();

    /** The player of that exact nick, if online. */
    CompletionStage<Optional<PlayerInfo>> player(String name);

    /** Every game, in creation order (also those not yet shown in the lobby list). */
    CompletionStage<List<GameInfo>> games();

    /** The game of that id, if it exists. */
    CompletionStage<Optional<GameInfo>> game(int id);

    /**
     * The lobby document ({@code [gamelist]} and {@code [user]}s) as a newcomer receives it: its
     * WML text. The server encodes it once per change and sends the same bytes to every newcomer.
     */
    CompletionStage<String> lobbyDocument();

    /**
     * Each version line that has players now, oldest first, with its figures (since 1.4). Each line
     * is a lobby of its own: its players see only its games and its players.
     */
    CompletionStage<List<LineFigures>> lines();

    /** {@link #lobbyDocument()} of one line's lobby; empty when the line has nobody (since 1.4). */
    CompletionStage<String> lobbyDocument(String line);

    /**
     * The lobby's counters (refused logins, relayed turns and their bytes), read at once: they are
     * counted as things happen, so reading them asks no actor (since 1.4).
     */
    LobbyCounters counters();
}
