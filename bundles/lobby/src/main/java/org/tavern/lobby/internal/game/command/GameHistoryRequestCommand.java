package org.tavern.lobby.internal.game.command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.identity.GamePlayer;
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameRecord;
import org.tavern.lobby.internal.common.Nicks;
import org.tavern.lobby.internal.game.Game;
import org.tavern.lobby.internal.game.GameCommand;
import org.tavern.lobby.internal.game.Member;
import org.tavern.lobby.internal.history.GameArchive;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * {@code [game_history_request] offset= search_for=<nick>}: as wesnothd 1.16 acts on it (1.18 asks
 * from the lobby instead: {@code LobbyGameHistoryCommand}), only from
 * a member of a game (in the lobby it is ignored) and only with a game history (without the
 * identity store it is ignored), and nothing is answered without a {@code search_for}. The answer
 * is wesnothd's {@code [game_history_results]} with one {@code [game_history_result]} per ended
 * game the nick played, newest first: {@value #PAGE} from {@code offset} on (wesnothd's
 * {@code limit 11}: the client shows ten and knows there are more). A bad {@code offset} or nick is
 * answered with wesnothd's error form, the root attribute {@code error}. The search runs off the
 * game's actor; its answer is sent through the actor, after whatever the game sent the member before.
 */
public final class GameHistoryRequestCommand implements GameCommand {

    private static final Logger LOG = LoggerFactory.getLogger(GameHistoryRequestCommand.class);

    /** Results per answer, as wesnothd's query returns them. */
    public static final int PAGE = 11;
    /** Deeper pages cost the database a scan of every row before them: 100 pages is plenty for a person. */
    public static final int MAX_OFFSET = 1000;
    public static final String RETRIEVAL_ERROR = GameArchive.RETRIEVAL_ERROR;
    public static final String BUSY_ERROR = GameArchive.BUSY_ERROR;
    /** wesnothd prints the database's start time: {@code YYYY-MM-DD HH:MM:SS}; Tavern's is in UTC. */
    public static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Override
    public String tag() {
        return "game_history_request";
    }

    @Override
    public void handle(Game game, Member member, Document document, Node element) {
        if (game.line.since118()) {
            return; // 1.18 asks from the lobby (LobbyGameHistoryCommand); wesnothd 1.18 ignores it in a game
        }
        GameArchive archive = game.lobby.gameArchive();
        if (archive.store() == null) {
            LOG.debug("{} asked for the game history; there is none", member.name());
            return;
        }
        String nick = element.attr("search_for", "");
        if (nick.isEmpty()) {
            return; // wesnothd searches nobody and sends nothing
        }
        Connection connection = member.connection();
        if (!Nicks.validCharacters(nick) || nick.length() > Nicks.MAX_LENGTH) {
            connection.send(error("Invalid search_for: not a nickname."));
            return;
        }
        int offset;
        try {
            offset = Integer.parseInt(element.attr("offset", "0").trim());
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            connection.send(error("Invalid offset: it must be a number from 0 to " + MAX_OFFSET + "."));
            return;
        }
        LOG.debug("{} searches the game history of {} from {}", member.name(), nick, offset);
        GameQuery query = new GameQuery(nick, "", "", GameQuery.ContentType.ANY, offset, PAGE, true);
        archive.search(query, found -> game.execute(() -> connection.send(
                found.error() != null ? error(found.error()) : results(found.games()))));
    }

    /** The answer wesnothd's database layer builds. */
    public static Document results(List<GameRecord> games) {
        Document document = Document.create();
        Node results = document.root().addChild("game_history_results");
        for (GameRecord game : games) {
            Node result = results.addChild("game_history_result");
            result.set("game_name", game.name());
            result.set("game_start", START_TIME.format(game.started()));
            result.set("scenario_name", game.scenario());
            result.set("era_name", game.era());
            // wesnothd links public replays on its replay server; Tavern has none to link to
            result.set("replay_url", "");
            for (GamePlayer seat : game.seats()) {
                result.addChild("player").set("name", seat.nick()).set("faction", seat.faction());
            }
            for (String modification : game.modifications()) {
                result.addChild("modification").set("name", modification);
            }
        }
        return document;
    }

    public static Document error(String message) {
        Document document = Document.create();
        document.root().set("error", message);
        return document;
    }
}
