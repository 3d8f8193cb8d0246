package org.tavern.api;

import java.util.Map;
import java.util.Objects;

/**
 * One command of a player's {@code [turn]}, as a {@link GameRule} sees it: a read-only view built only
 * when some rule asks for turn commands.
 *
 * @param game the game as its actor sees it when the turn arrives
 * @param sender the nick of the member who sent the turn
 * @param side the 1-based side the command is for: its {@code from_side} if it names one, else the
 *        side whose turn it is; 0 when neither is known
 * @param name what the command does: the name of its first child ({@code move}, {@code recruit},
 *        {@code attack}, {@code speak}, {@code end_turn}, ...); empty for an empty command
 * @param attributes that child's attributes, unescaped, in no particular order; unmodifiable
 */
public record TurnCommand(GameInfo game, String sender, int side, String name, Map<String, String> attributes) {

    public TurnCommand {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(sender, "sender");
        name = name == null ? "" : name;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The attribute's value, or {@code fallback} when the command's child has no such attribute. */
    public String attribute(String key, String fallback) {
        return attributes.getOrDefault(key, fallback);
    }
}
