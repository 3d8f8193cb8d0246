package org.tavern.identity.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.identity.GameQuery;
import org.tavern.identity.GameRecord;
import org.tavern.identity.GameRecords;

/**
 * Gogo command {@code tavern:history [<nick pattern>] [<offset>]}: the game history, newest first,
 * each record with its end and why (running games show {@code running}). Named apart from
 * {@code tavern:games}, the running games.
 */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.identity.internal.HistoryCommand",
        service = HistoryCommand.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=history"
        })
public class HistoryCommand {

    static final int PAGE = 20;
    static final String USAGE = "usage: tavern:history [<nick pattern>] [<offset>]\n"
            + "  lists recorded games (" + PAGE + " at a time, from <offset>, newest first), those a player matching the "
            + "pattern (* and ? wildcards) played";

    private final GameRecords games;

    @Activate
    public HistoryCommand(@Reference GameRecords games) {
        this.games = games;
    }

    public String history(String... args) {
        PageArguments arguments = PageArguments.parse(args, USAGE);
        if (arguments.refusal() != null) {
            return arguments.refusal();
        }
        String pattern = arguments.pattern();
        int offset = arguments.offset();
        List<GameRecord> page = games.query(GameQuery.recent(PAGE).withPlayer(pattern).page(offset, PAGE));
        if (page.isEmpty()) {
            return "No games recorded" + (pattern.isEmpty() ? "" : " for " + pattern) + (offset > 0 ? " from " + offset : "")
                    + ".";
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%6s %5s  %-16s %-16s %-20s %-20s %-16s %s", "ID", "GAME", "STARTED (UTC)",
                "ENDED", "NAME", "SCENARIO", "ERA", "PLAYERS / HOW IT ENDED / REPLAY"));
        for (GameRecord g : page) {
            String players = g.seats().stream()
                    .map(seat -> seat.side() + ":" + seat.nick() + (seat.faction().isEmpty() ? "" : "(" + seat.faction() + ")"))
                    .collect(Collectors.joining(" "));
            lines.add(String.format(Locale.ROOT, "%6d %5d  %-16s %-16s %-20s %-20s %-16s %s / %s / %s", g.id(),
                    g.lobbyId(), AccountsCommand.time(g.started()),
                    g.ended().map(AccountsCommand::time).orElse("running"), g.name(), g.scenario(), g.era(),
                    players.isEmpty() ? "-" : players, g.terminationReason().orElse("-"), g.replayFile().orElse("-")));
        }
        lines.add(page.size() + " shown from " + offset);
        return String.join("\n", lines);
    }
}
