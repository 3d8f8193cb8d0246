package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code stopgame <nick> [<reason>]}: ends the game that player is in; every member goes back to the
 * lobby with {@code [leave_game] reason=<reason>}.
 */
public final class StopGameCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("stopgame");
    }

    @Override
    public String usage() {
        return "stopgame <nick> [<reason>]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        WordAndRest parts = WordAndRest.of(arguments);
        String nick = parts.word();
        String reason = parts.rest();
        User user = lobby.user(nick);
        if (user == null) {
            return "Player '" + nick + "' is not currently logged in.";
        }
        Game game = lobby.game(user.gameId);
        if (game == null) {
            return "Player '" + nick + "' is not currently in a game.";
        }
        // wesnothd names the game by its id and its database id, which are the same here
        String answer = "Player '" + nick + "' is in game with id '" + game.id + ", " + game.id + "' named '"
                + game.name() + "'.  Ending game for reason: '" + reason + "'...";
        // As in wesnothd the game has ended (and the lobby heard of it) when the answer comes: the game
        // actor ends it, its report reaches the lobby actor first, the answer right after.
        java.util.function.Consumer<String> reply = lobby.deferReply();
        game.execute(() -> {
            game.stop(reason);
            lobby.execute(() -> reply.accept(answer));
        });
        return answer;
    }
}
