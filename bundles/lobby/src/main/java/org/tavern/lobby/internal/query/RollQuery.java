package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query roll}: A die roll; in the lobby only the roller sees it. */
public final class RollQuery implements PlayerQuery {

    @Override
    public String name() {
        return "roll";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        long sides;
        try {
            sides = Long.parseLong(argument);
        } catch (NumberFormatException e) {
            return Reply.info(argument.matches("[+-]?\\d+") ? "The number of sides is too big for the die!"
                    : "The number of die sides must be a number!");
        }
        if (sides > Integer.MAX_VALUE) {
            return Reply.info("The number of sides is too big for the die!");
        }
        if (sides < 1) {
            return Reply.info("The die cannot have less than 1 side!");
        }
        long result = java.util.concurrent.ThreadLocalRandom.current().nextLong(sides) + 1;
        return Reply.info("You rolled a die [1 - " + sides + "] and got a " + result
                + ". (The result is shown to others only in a game.)");
    }
}
