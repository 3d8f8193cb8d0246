package org.tavern.lobby.internal.query;

import java.util.List;
import org.tavern.api.LineFigures;
import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query stats}: Counts of games and users. */
public final class StatsQuery implements PlayerQuery {

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (!argument.isEmpty()) {
            return null;
        }
        StringBuilder stats = new StringBuilder("Number of games = " + lobby.gameCount() + "\nTotal number of users = "
                + lobby.userCount());
        List<LineFigures> lines = lobby.lineFigures();
        if (lines.size() > 1) {
            // only with several lines: one line answers exactly as wesnothd
            for (LineFigures line : lines) {
                stats.append("\nVersion line ").append(line.line()).append(": ").append(line.games())
                        .append(" games, ").append(line.players()).append(" users");
            }
        }
        return Reply.info(stats.toString());
    }
}
