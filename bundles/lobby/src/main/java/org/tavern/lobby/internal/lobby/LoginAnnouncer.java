package org.tavern.lobby.internal.lobby;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Tells the lobby of the logins it handled, in batches (lobby actor only).
 *
 * <p>While logins keep coming, they are announced at most once per interval: every lobby member
 * gets one diff per interval, however many logged in meanwhile, instead of one per login (a
 * login's fan-out to the members was most of its cost in a storm). A login after a quiet
 * interval is announced at once (after the tasks already waiting, logins among them). Anything
 * else the lobby does announces the pending logins first, so the delay never reorders what
 * members see. 0: no interval. The waits end on the lobby's {@code ServerControl} timer, so set one
 * that schedules before an interval.
 */
final class LoginAnnouncer {

    private final Lobby lobby;
    private final LobbyState state;
    /** The actor's own mailbox (announcing must not wait for another announcement). */
    private final Executor mailbox;
    private long intervalNanos;
    private long lastAnnouncedNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    LoginAnnouncer(Lobby lobby, LobbyState state, Executor mailbox) {
        this.lobby = lobby;
        this.state = state;
        this.mailbox = mailbox;
    }

    void useInterval(long millis) {
        intervalNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** A user logged in: listed now, announced with the others of his batch. */
    void add(User user, Runnable welcome) {
        LineLobby line = state.lineOf(user);
        if (line.pendingLogins.add(line.list, user, welcome)) {
            schedule();
        }
    }

    /** Sends the pending logins' diff and welcomes. */
    void announce() {
        boolean announced = false;
        for (LineLobby line : state.lines.values()) {
            if (!line.pendingLogins.isEmpty()) {
                line.pendingLogins.announce((frame, newcomers) ->
                        lobby.membership().broadcastToLobbyExcept(line.line, frame, newcomers, null));
                announced = true;
            }
        }
        if (announced) {
            lastAnnouncedNanos = System.nanoTime();
        }
    }

    private void schedule() {
        long waitNanos = lastAnnouncedNanos + intervalNanos - System.nanoTime();
        if (waitNanos <= 0) {
            mailbox.execute(this::announce);
        } else {
            long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
            lobby.serverControl().schedule(waitMillis, () -> mailbox.execute(this::announce));
        }
    }
}
