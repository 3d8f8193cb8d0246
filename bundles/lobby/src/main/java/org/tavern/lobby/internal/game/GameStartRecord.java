package org.tavern.lobby.internal.game;

import org.tavern.lobby.internal.common.Levels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameRecords;
import org.tavern.identity.GameStart;
import org.tavern.wml.Node;

/**
 * What the history records of a scenario at its {@code [start_game]}, read from the stored level
 * as wesnothd reads it then: the scenario and era from {@code [multiplayer]} ({@code mp_scenario},
 * {@code mp_era} and their names), the modifications from its {@code [addon]} {@code [content]}
 * entries, and one player per side with the side's faction. The player is the member who owns the
 * side after the controller tweaks (wesnothd records {@code player_id}, which a level may name
 * someone not in the game with; the owner is who played it), else {@code player_id}; AI sides
 * count as their owner's, as in wesnothd. Texts a client
 * sent longer than the store keeps are cut, never refused: a long name must not cost the record.
 */
public final class GameStartRecord {

    private GameStartRecord() {
    }

    /** On the game's actor, right after the start. */
    public static GameStart of(Game game, long nowMillis) {
        Node level = game.level().root();
        Node multiplayer = level.child("multiplayer");
        Node start = Levels.startingPosition(level);
        String scenarioId = attr(multiplayer, "mp_scenario");
        String scenarioName = attr(multiplayer, "mp_scenario_name");
        if (scenarioId.isEmpty() && start != null) {
            scenarioId = start.attr("id", "");
        }
        if (scenarioName.isEmpty() && start != null) {
            scenarioName = start.attr("name", "");
        }
        List<Node> sides = game.levelSides();
        List<GamePlayer> players = new ArrayList<>();
        for (int i = 0; i < sides.size() && players.size() < GameRecords.MAX_PLAYERS; i++) {
            Node side = sides.get(i);
            if (side.attrEquals("controller", "null")) {
                continue;
            }
            String owner = game.sides.owner(i);
            String nick = owner != null ? owner : side.attr("player_id", "");
            if (!nick.isEmpty()) {
                players.add(new GamePlayer(cut(nick), side.toInt("side", i + 1), cut(side.attr("faction", ""))));
            }
        }
        return new GameStart(game.id, cut(game.name().isEmpty() ? "?" : game.name()), cut(scenarioId), cut(scenarioName),
                cut(attr(multiplayer, "mp_era")), cut(attr(multiplayer, "mp_era_name")), modifications(multiplayer),
                players, Instant.ofEpochMilli(nowMillis));
    }

    /** The names of the {@code [content] type=modification} entries, or the ids of {@code active_mods}. */
    private static List<String> modifications(Node multiplayer) {
        List<String> names = new ArrayList<>();
        if (multiplayer == null) {
            return names;
        }
        for (Node addon : multiplayer.children("addon")) {
            for (Node content : addon.children("content")) {
                if (content.attrEquals("type", "modification") && names.size() < GameRecords.MAX_PLAYERS) {
                    String name = content.attr("name", "");
                    names.add(cut(name.isEmpty() ? content.attr("id", "?") : name));
                }
            }
        }
        if (names.isEmpty()) {
            for (String id : attr(multiplayer, "active_mods").split(",")) {
                if (!id.isBlank() && names.size() < GameRecords.MAX_PLAYERS) {
                    names.add(cut(id.trim()));
                }
            }
        }
        return names;
    }

    private static String attr(Node node, String key) {
        return node == null ? "" : node.attr(key, "");
    }

    private static String cut(String text) {
        if (text.length() <= GameRecords.MAX_TEXT_LENGTH) {
            return text;
        }
        int end = GameRecords.MAX_TEXT_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        return text.substring(0, end);
    }
}
