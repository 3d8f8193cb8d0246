package org.tavern.lobby.internal.lobby;

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
import org.tavern.lobby.internal.NullConnection;
import org.tavern.transport.EncodedFrame;

/**
 * Ten logins into a lobby of {@code users} players, as the lobby announces them: one by one (a diff
 * to every member and a freshly encoded full list per login, as before {@link PendingLogins}) or
 * together (one diff with ten inserts to every member, one full list for the ten newcomers), then
 * the ten logouts. Members' connections only count frames ({@link NullConnection}): this is the
 * lobby's own work per storm burst, the frames it hands the transport included, not the sockets'.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoginAnnouncementBenchmark {

    private static final int LOGINS = 10;

    @Param({"100", "600", "5000"})
    public int users;

    private LobbyList list;
    private final List<User> members = new ArrayList<>();
    private final List<User> newcomers = new ArrayList<>();

    @Setup(Level.Trial)
    public void fill() {
        list = new LobbyList();
        for (int i = 0; i < users; i++) {
            User member = user("player" + i);
            list.addUser(member);
            members.add(member);
        }
        for (int i = 0; i < LOGINS; i++) {
            newcomers.add(user("newcomer" + i));
        }
    }

    private static User user(String name) {
        return new User(name, new NullConnection(), "1.16.9", 0, new FloodControl());
    }

    private void toMembers(EncodedFrame frame) {
        for (User member : members) {
            member.connection.send(frame);
        }
    }

    private void logOutNewcomers() {
        for (User newcomer : newcomers) {
            toMembers(EncodedFrame.of(list.removeUser(newcomer)));
        }
    }

    @Benchmark
    public int tenLoginsAnnouncedOneByOne() {
        int sent = 0;
        for (int i = 0; i < LOGINS; i++) {
            User newcomer = newcomers.get(i);
            EncodedFrame diff = EncodedFrame.of(list.addUser(newcomer));
            toMembers(diff);
            for (int earlier = 0; earlier < i; earlier++) {
                newcomers.get(earlier).connection.send(diff); // in the lobby by now: told of the later ones
            }
            newcomer.connection.send(list.full());
            sent += members.size() + i + 1;
        }
        logOutNewcomers();
        return sent;
    }

    @Benchmark
    public int tenLoginsAnnouncedTogether() {
        PendingLogins pending = new PendingLogins();
        for (User newcomer : newcomers) {
            pending.add(list, newcomer, () -> newcomer.connection.send(list.full()));
        }
        pending.announce((frame, except) -> toMembers(frame));
        logOutNewcomers();
        return members.size() + LOGINS;
    }
}
