package org.tavern.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tavern.api.GameInfo;
import org.tavern.api.LobbyDirectory;
import org.tavern.api.PlayerInfo;

/**
 * Gogo commands beyond wesnothd's: {@code tavern:users}, {@code tavern:games} and
 * {@code tavern:game <id>}, read from the {@link LobbyDirectory} (snapshots from the actors).
 */
@Component(
        service = DirectoryCommands.class,
        property = {
            "osgi.command.scope=tavern",
            "osgi.command.function=users",
            "osgi.command.function=games",
            "osgi.command.function=game"
        })
public class DirectoryCommands {

    static final String NO_LOBBY = "The lobby is not running.";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LobbyDirectory directory;

    /** wesnothd's {@code games} (how games ended), printed after the list of games. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(tavern.command.name=games)")
    volatile org.tavern.api.AdminCommand endedGames;

    public String users(String... args) {
        if (args.length > 0) {
            return "usage: tavern:users\n  lists the logged-in players: address, where they are, since when";
        }
        LobbyDirectory lobby = directory;
        if (lobby == null) {
            return NO_LOBBY;
        }
        return await(lobby.players(), DirectoryCommands::formatUsers);
    }

    public String games(String... args) {
        if (args.length > 0) {
            return "usage: tavern:games\n  lists the games: id, name, host, state, players and observers; then how games "
                    + "ended since the start (wesnothd's games)";
        }
        LobbyDirectory lobby = directory;
        if (lobby == null) {
            return NO_LOBBY;
        }
        String list = await(lobby.games(), DirectoryCommands::formatGames);
        org.tavern.api.AdminCommand summary = endedGames;
        return summary == null ? list : list + "\n" + new GogoAdminCommand(summary).run("");
    }

    public String game(String... args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            return "usage: tavern:game <id>\n  shows one game: its host, turn, players and observers";
        }
        int id;
        try {
            id = Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            return "tavern:game: '" + args[0] + "' is not a game id (see tavern:games)";
        }
        LobbyDirectory lobby = directory;
        if (lobby == null) {
            return NO_LOBBY;
        }
        return await(lobby.game(id), game -> formatGame(id, game));
    }

    static String formatUsers(List<PlayerInfo> players) {
        if (players.isEmpty()) {
            return "Nobody is logged in.";
        }
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-20s %-39s %-10s %5s %-4s %-10s %-6s %s", "NAME", "ADDRESS", "STATUS",
                "GAME", "ROLE", "ONLINE", "LINE", "CLIENT"));
        for (PlayerInfo player : players) {
            String role = player.moderator() ? "mod" : player.registered() ? "reg" : "-";
            lines.add(String.format(Locale.ROOT, "%-20s %-39s %-10s %5s %-4s %-10s %-6s %s", player.name(),
                    player.address(), player.status(), player.gameId() == 0 ? "-" : player.gameId(), role,
                    since(player.loggedInSince(), now), player.line(), player.clientVersion()));
        }
        lines.add(players.size() + (players.size() == 1 ? " player" : " players"));
        return String.join("\n", lines);
    }

    static String formatGames(List<GameInfo> games) {
        if (games.isEmpty()) {
            return "No games.";
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%5s %-6s %-24s %-20s %-10s %7s %9s", "ID", "LINE", "NAME", "HOST",
                "STATE", "PLAYERS", "OBSERVERS"));
        for (GameInfo game : games) {
            lines.add(String.format(Locale.ROOT, "%5d %-6s %-24s %-20s %-10s %7d %9d", game.id(), game.line(), game.name(),
                    game.host(), state(game), game.players().size(), game.observers().size()));
        }
        lines.add(games.size() + (games.size() == 1 ? " game" : " games"));
        return String.join("\n", lines);
    }

    static String formatGame(int id, Optional<GameInfo> found) {
        if (found.isEmpty()) {
            return "No game with id " + id + ".";
        }
        GameInfo game = found.get();
        return String.join("\n",
                "Game " + game.id() + " '" + game.name() + "'",
                "  host:      " + game.host(),
                "  line:      " + game.line(),
                "  scenario:  " + (game.scenario().isEmpty() ? "(no level yet)" : game.scenario()),
                "  state:     " + state(game),
                "  created:   " + game.createdAt() + " (" + since(game.createdAt(), Instant.now()) + " ago)",
                "  players:   " + (game.players().isEmpty() ? "-" : String.join(", ", game.players())),
                "  observers: " + (game.observers().isEmpty() ? "-" : String.join(", ", game.observers())));
    }

    private static String state(GameInfo game) {
        return game.started() ? "turn " + game.turn() : "waiting";
    }

    /** A short duration: 42s, 7m12s, 3h05m, 2d04h. */
    static String since(Instant start, Instant now) {
        long seconds = Math.max(0, Duration.between(start, now).getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    private static <T> String await(CompletionStage<T> answer, java.util.function.Function<T, String> format) {
        try {
            return format.apply(answer.toCompletableFuture().get(GogoAdminCommand.ANSWER_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            return "The lobby did not answer within " + GogoAdminCommand.ANSWER_TIMEOUT_SECONDS + " s.";
        } catch (ExecutionException e) {
            return "The lobby could not answer: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted.";
        }
    }
}
