package org.tavern.lobby.internal.lobby;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tavern.lobby.internal.NullConnection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The lobby list's work per login and per game change, on a lobby of {@code users} players and 20
 * games: the diff every lobby client gets (built and encoded once), and the full list a newcomer
 * gets (encoded once per version, so once per login). In the same package as {@code LobbyList}
 * (package-private); no behaviour is changed for the benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GamelistDiffBenchmark {

    @Param({"100", "600", "5000"})
    public int users;

    private LobbyList list;
    private User newcomer;
    private User host;
    private Node game;
    private int serial;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        list = new LobbyList();
        for (int i = 0; i < users; i++) {
            list.addUser(user("player" + i));
        }
        Node description = Document.parse("[game]\nid=\"1\"\nmp_era=\"era_default\"\nmp_scenario=\"2p_Caves\"\n"
                + "name=\"a game\"\n[slot_data]\nmax=\"2\"\nvacant=\"0\"\n[/slot_data]\n[turn_data]\ncurrent=\"1\"\n"
                + "max=\"30\"\n[/turn_data]\n[/game]\n").root().child("game");
        host = user("host");
        list.addUser(host);
        for (int g = 1; g <= 20; g++) {
            list.addGame(g, description, null);
        }
        game = description;
        newcomer = user("newcomer");
    }

    private static User user(String name) {
        return new User(name, new NullConnection(), "1.16.9", 0, new FloodControl());
    }

    /** A login and a logout: the two diffs, each built and encoded once for all lobby clients. */
    @Benchmark
    public int loginAndLogoutDiffs() {
        EncodedFrame in = EncodedFrame.of(list.addUser(newcomer));
        EncodedFrame out = EncodedFrame.of(list.removeUser(newcomer));
        return in.size() + out.size();
    }

    /** A login with the full list the newcomer gets (re-encoded: the login changed it), then a logout. */
    @Benchmark
    public int loginWithFullList() {
        EncodedFrame in = EncodedFrame.of(list.addUser(newcomer));
        EncodedFrame full = list.full();
        EncodedFrame out = EncodedFrame.of(list.removeUser(newcomer));
        return in.size() + full.size() + out.size();
    }

    /** A game's entry changes (a turn passed) together with a user's: the diff, encoded. */
    @Benchmark
    public int gameChangeDiff() {
        game.set("name", "a game " + (serial++ & 7));
        return EncodedFrame.of(list.changeGame(1 + (serial % 20), game, host)).size();
    }
}
