package org.tavern.lobby.internal.game;

import org.tavern.lobby.internal.common.Levels;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Builds the {@code [game]} entry of the lobby list from the host's {@code [create_game]} and level,
 * as wesnothd does: the create_game attributes (a set password shows as {@code yes}), the id, every
 * attribute and child of {@code [multiplayer]}, the starting map (unless shrouded), the era and
 * scenario requirements, one {@code [modification]} per level modification (1.16 and 1.18 differ in
 * its {@code require_modification}), and {@code [slot_data]}.
 */
public final class GameDescription {

    private GameDescription() {
    }

    /**
     * {@code firstMultiplayer}'s children are the ones listed (they are the level's own in a game's
     * first scenario; after it wesnothd keeps the first scenario's where they were).
     */
    static Document build(int id, Node createGame, Node level, Node firstMultiplayer, String hostName,
            VersionLine line) {
        Document document = Document.create();
        Node game = document.root().addChild("game");
        for (String key : createGame.attributeNames()) {
            game.copyAttr(createGame, key);
        }
        if (!createGame.attr("password", "").isEmpty()) {
            game.set("password", "yes");
        }
        game.set("id", id);
        Node multiplayer = level.child("multiplayer");
        for (String key : multiplayer.attributeNames()) {
            game.copyAttr(multiplayer, key);
        }
        for (Node child : firstMultiplayer.children()) {
            game.addCopy(child);
        }
        Node start = Levels.startingPosition(level);
        if (start != null && !multiplayer.toBool("mp_shroud", false)) {
            game.copyAttr(start, "map_data");
        } else {
            game.set("map_data", "");
        }
        Node era = level.child("era");
        if (era != null && !era.toBool("require_era", true)) {
            game.set("require_era", "no");
        }
        if (start != null && start.toBool("require_scenario", false)) {
            game.set("require_scenario", "yes");
        }
        for (Node modification : level.children("modification")) {
            // wesnothd puts each in front of the ones before, and writes id, name and addon_id even when empty
            Node entry = game.addChildAt("modification", 0);
            copyOrEmpty(entry, modification, "id");
            copyOrEmpty(entry, modification, "name");
            copyOrEmpty(entry, modification, "addon_id");
            if (line.since118()) {
                // 1.18 copies the level's value as it is; its client takes an empty one as "required"
                copyOrEmpty(entry, modification, "require_modification");
            } else if (modification.toBool("require_modification", false)) {
                entry.set("require_modification", "yes");
            }
        }
        slotData(game, start, hostName);
        return document;
    }

    private static void copyOrEmpty(Node target, Node source, String key) {
        if (source.has(key)) {
            target.copyAttr(source, key);
        } else {
            target.set(key, "");
        }
    }

    /**
     * {@code max}: sides a person may take (not {@code controller=null}, not {@code allow_player=no});
     * {@code vacant}: those of them no member has (pre-start, a side is a member's by {@code player_id}).
     */
    static void slotData(Node game, Node start, String... memberNames) {
        int max = 0;
        int taken = 0;
        if (start != null) {
            for (Node side : start.children("side")) {
                if (side.attrEquals("controller", "null") || !side.toBool("allow_player", true)) {
                    continue;
                }
                max++;
                String player = side.text("player_id");
                for (String member : memberNames) {
                    if (member.equals(player)) {
                        taken++;
                        break;
                    }
                }
            }
        }
        game.removeChildren("slot_data");
        game.addChild("slot_data").set("max", max).set("vacant", max - taken);
    }
}
