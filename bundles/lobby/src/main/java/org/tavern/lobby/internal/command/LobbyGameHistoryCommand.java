package org.tavern.lobby.internal.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.GameQuery;
import org.tavern.lobby.internal.game.command.GameHistoryRequestCommand;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.lobby.internal.lobby.LobbyCommand;
import org.tavern.lobby.internal.lobby.PlayerContext;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.lobby.internal.common.Nicks;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The 1.18 match history: {@code [game_history_request] offset= search_player= search_game_name=
 * search_content_type= search_content=} from a player in the lobby (the 1.16 line asks from a game:
 * {@link GameHistoryRequestCommand}; wesnothd 1.16 ignores it in the lobby, and so does Tavern for
 * that line). The 1.18 client waits about five seconds for the answer and drops whatever else
 * arrives meanwhile, so it is always answered, at once: with wesnothd 1.18's
 * {@code [game_history_results]} (11 ended games from {@code offset}, newest first), or a root
 * {@code error=} (no search given, bad input, no game history kept, a failing store). Content types
 * as wesnothd 1.18: 0 scenario, 1 era, 2 modification (not searchable here: an error says so),
 * any other: the content is not searched. Patterns take {@code *} and {@code ?}.
 */
public final class LobbyGameHistoryCommand implements LobbyCommand {

    private static final Logger LOG = LoggerFactory.getLogger(LobbyGameHistoryCommand.class);

    /** Longest game name or content pattern searched (a game name is far shorter). */
    static final int MAX_PATTERN = 100;
    static final String NO_PARAMETERS = "No search parameters provided.";
    static final String NO_HISTORY = "This server keeps no game history.";
    static final String NO_MODIFICATION_SEARCH = "This server cannot search by modification.";

    @Override
    public String tag() {
        return "game_history_request";
    }

    @Override
    public void handle(PlayerContext lobby, User user, Node element) {
        if (!user.line.since118()) {
            return;
        }
        Connection connection = user.connection;
        Document refusal = refusal(element);
        if (refusal != null) {
            connection.send(refusal);
            return;
        }
        GameArchive archive = lobby.gameArchive();
        if (archive.store() == null) {
            connection.send(GameHistoryRequestCommand.error(NO_HISTORY));
            return;
        }
        GameQuery query = query(element);
        LOG.debug("{} searches the game history: {}", user.name, query);
        archive.search(query, found -> lobby.execute(() -> connection.send(found.error() != null
                ? GameHistoryRequestCommand.error(found.error()) : GameHistoryRequestCommand.results(found.games()))));
    }

    /** Why the request cannot be searched, as the error document to send; null if it can. */
    static Document refusal(Node element) {
        String player = element.attr("search_player", "");
        String gameName = element.attr("search_game_name", "");
        String content = element.attr("search_content", "");
        if (player.isEmpty() && gameName.isEmpty() && content.isEmpty()) {
            return GameHistoryRequestCommand.error(NO_PARAMETERS);
        }
        if (!player.isEmpty() && (!Nicks.validCharacters(player) || player.length() > Nicks.MAX_LENGTH)) {
            return GameHistoryRequestCommand.error("Invalid search_player: not a nickname.");
        }
        if (gameName.length() > MAX_PATTERN || content.length() > MAX_PATTERN) {
            return GameHistoryRequestCommand.error("Invalid search: at most " + MAX_PATTERN + " characters.");
        }
        int offset = offset(element);
        if (offset < 0 || offset > GameHistoryRequestCommand.MAX_OFFSET) {
            return GameHistoryRequestCommand.error(
                    "Invalid offset: it must be a number from 0 to " + GameHistoryRequestCommand.MAX_OFFSET + ".");
        }
        if (!content.isEmpty() && contentType(element) == 2) {
            return GameHistoryRequestCommand.error(NO_MODIFICATION_SEARCH);
        }
        return null;
    }

    /** The search of a request {@link #refusal} let through. */
    static GameQuery query(Node element) {
        String content = element.attr("search_content", "");
        GameQuery.ContentType type = switch (contentType(element)) {
            case 0 -> GameQuery.ContentType.SCENARIO;
            case 1 -> GameQuery.ContentType.ERA;
            default -> null;
        };
        return new GameQuery(element.attr("search_player", ""), element.attr("search_game_name", ""),
                type == null ? "" : content, type == null ? GameQuery.ContentType.ANY : type, offset(element),
                GameHistoryRequestCommand.PAGE, true);
    }

    private static int offset(Node element) {
        try {
            return Integer.parseInt(element.attr("offset", "0").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int contentType(Node element) {
        try {
            return Integer.parseInt(element.attr("search_content_type", "0").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
