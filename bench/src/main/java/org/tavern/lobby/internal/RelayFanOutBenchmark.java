package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.List;
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
import org.tavern.bench.CaptureData;
import org.tavern.wml.Document;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.common.Settings;

/**
 * One relayed {@code [turn]} through the whole server above the transport: inflate and parse (the
 * shard's work), the lobby's dispatch, the game's legality checks and history, one encoded frame
 * sent to the other player and {@code observers} observers. The game is the AI battle of the
 * captures, set up by replaying what its clients sent up to {@code [start_game]} into a lobby whose
 * actors run synchronously; the turn is a recorded 299-byte move of the host's AI side. The game's
 * history grows with every relayed turn, as on a server, so each iteration starts a fresh game.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class RelayFanOutBenchmark {

    private static final String TRACE = "ai_battle_lg_battle.trace.txt";

    @Param({"2", "10"})
    public int observers;

    private byte[] turnGzip;
    private Lobby lobby;
    private NullConnection host;

    @Setup(Level.Iteration)
    public void startGame() throws Exception {
        List<CaptureData.ClientFrame> sent = CaptureData.clientFrames(TRACE);
        String move = sent.stream().map(CaptureData.ClientFrame::text)
                .filter(t -> t.startsWith("[turn]") && t.contains("[move]")).findFirst().orElseThrow();
        turnGzip = Document.parse(move).compressedOutput();
        lobby = LobbyAssembly.create(Runnable::run, () -> 1_000_000, Settings.defaults());
        host = loggedIn("host");
        NullConnection join = loggedIn("join");
        List<NullConnection> watchers = new ArrayList<>();
        for (int i = 0; i < observers; i++) {
            watchers.add(loggedIn("observer" + i));
        }
        boolean created = false;
        for (CaptureData.ClientFrame frame : sent) {
            NullConnection from = frame.connection() == 1 ? host : frame.connection() == 2 ? join : null;
            String text = frame.text();
            created |= text.startsWith("[create_game]");
            if (from == null || !created || text.startsWith("[message]")) {
                continue;
            }
            lobby.received(from, Document.parse(text));
            if (text.startsWith("[join]")) {
                for (NullConnection watcher : watchers) {
                    lobby.received(watcher, Document.parse("[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n"));
                }
            }
            if (text.startsWith("[start_game]")) {
                break;
            }
        }
        long before = join.frames;
        relayOneTurn();
        if (join.frames != before + 1 || (!watchers.isEmpty() && watchers.get(0).frames == 0)) {
            throw new IllegalStateException("the recorded turn was not relayed: the game did not start as recorded");
        }
    }

    private NullConnection loggedIn(String name) throws Exception {
        NullConnection connection = new NullConnection();
        lobby.connected(connection);
        lobby.received(connection, Document.parse("[version]\nversion=\"1.16.9\"\n[/version]\n"));
        lobby.received(connection, Document.parse("[login]\nusername=\"" + name + "\"\n[/login]\n"));
        return connection;
    }

    /** A received turn (as its gzip bytes) relayed to everyone else in the game. */
    @Benchmark
    public NullConnection relayOneTurn() throws Exception {
        lobby.received(host, Document.fromGzip(turnGzip));
        return host;
    }
}
