package org.tavern.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is known of a game when a scenario of it starts ({@link GameRecords#recordStart(GameStart)}):
 * wesnothd writes the same at {@code [start_game]} (its game_info, game_player_info and
 * game_content_info rows). Texts are at most {@value GameRecords#MAX_TEXT_LENGTH} characters.
 *
 * @param lobbyId the id the lobby gave the game (the same for each scenario of a campaign)
 * @param scenarioName shown in the history; {@code scenarioId} is what searches match too
 * @param modifications the names of the modifications played, in order
 * @param players one per side that has a player, in side order (at most {@value GameRecords#MAX_PLAYERS})
 */
public record GameStart(int lobbyId, String name, String scenarioId, String scenarioName, String eraId,
        String eraName, List<String> modifications, List<GamePlayer> players, Instant started) {

    public GameStart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        scenarioId = scenarioId == null ? "" : scenarioId;
        scenarioName = scenarioName == null ? "" : scenarioName;
        eraId = eraId == null ? "" : eraId;
        eraName = eraName == null ? "" : eraName;
        modifications = List.copyOf(modifications);
        players = List.copyOf(players);
    }
}
