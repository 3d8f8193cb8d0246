package org.tavern.identity;

import java.util.Objects;

/**
 * One side of a recorded game and who played it, as wesnothd's {@code game_player_info} row has it.
 *
 * @param nick the side's player (for an AI side, the member who ran it)
 * @param side the side number, from 1
 * @param faction the side's faction id as the level had it at the start; may be empty
 */
public record GamePlayer(String nick, int side, String faction) {

    public GamePlayer {
        Objects.requireNonNull(nick, "nick");
        faction = faction == null ? "" : faction;
        if (side < 0) {
            throw new IllegalArgumentException("a side number is not negative: " + side);
        }
    }
}
