package org.tavern.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.tavern.wml.Node;

/**
 * Login storm. {@code login}: {@code clients} players log in, {@code concurrency} at a time, and
 * stay, so the lobby grows; every login costs the server a full lobby list to the newcomer and a
 * diff to everyone already there. {@code login-churn}: the same lobby first, then {@code churn}
 * more players log in and leave at once, the lobby staying at its size. Latency: from connect to
 * the full lobby list. Check: every staying player mirrors the user list from the diffs it gets, and
 * at the end each mirror must equal the list a last player receives whole.
 *
 * <p>Before the measured logins, {@code warmup-logins} players log in and leave at once, as in the
 * churn: both this JVM's JIT and the server's compile the login's code then, not in the measured
 * window (a storm lasts a few seconds, and a cold load generator's compiler threads took a quarter
 * of the shared cores). The result line also gives this process's own CPU over the measured window
 * ({@code loadgen_window_cpu_pct}, of one core): near 100 the load generator was the limit.
 */
final class LoginScenario {

    private final Harness harness;
    private final boolean churnMode;
    private final int clients;
    private final int concurrency;
    private final int churn;
    private final int warmupLogins;
    private final long timeoutMillis;
    private final String prefix;

    private final List<Client> staying = new ArrayList<>();
    private final AtomicInteger loggedIn = new AtomicInteger();
    private final AtomicLong lastDocumentNanos = new AtomicLong(System.nanoTime());
    private final LatencyHistogram growLatency = new LatencyHistogram();
    private final LatencyHistogram churnLatency = new LatencyHistogram();
    private volatile long halfwayCpu = -1;
    private volatile long halfwayNanos;

    LoginScenario(Harness harness, Options options, boolean churnMode) throws Options.UsageException {
        this.harness = harness;
        this.churnMode = churnMode;
        this.clients = options.count("clients", churnMode ? 200 : 600, 1, 100_000);
        this.concurrency = options.count("concurrency", 20, 1, 10_000);
        this.churn = churnMode ? options.count("churn", 1000, 1, 1_000_000) : 0;
        this.warmupLogins = options.count("warmup-logins", 200, 0, 1_000_000);
        this.timeoutMillis = options.number("timeout-ms", 300_000);
        this.prefix = options.string("prefix", "u");
    }

    /** Per staying client: its mirror of the user list. */
    private static final class Mirror {
        LobbyMirror users;
    }

    private final Client.Handler stayingHandler = new Client.Handler() {
        @Override
        public void loggedIn(Client client, byte[] gamelist, long nanos) {
            try {
                Mirror mirror = new Mirror();
                mirror.users = new LobbyMirror(LobbyMirror.usersOf(client.loop.cache.parse(gamelist).root()));
                client.state = mirror;
            } catch (Exception e) {
                client.fail("full lobby list does not parse: " + e.getMessage());
                return;
            }
            growLatency.recordNanos(nanos - client.connectNanos);
            int done = loggedIn.incrementAndGet();
            if (done == clients / 2) {
                halfwayCpu = harness.stats.cpuMicros();
                halfwayNanos = System.nanoTime();
            }
            int next = done + concurrency - 1;
            if (next < staying.size()) {
                staying.get(next).start(harness.server);
            }
        }

        @Override
        public void document(Client client, byte[] payload, long nanos) {
            lastDocumentNanos.set(nanos);
            Mirror mirror = (Mirror) client.state;
            try {
                Node diff = client.loop.cache.parse(payload).root().child("gamelist_diff");
                if (diff != null && mirror != null) {
                    mirror.users.apply(diff);
                }
            } catch (LobbyMirror.MismatchException e) {
                harness.verdict.reordered(client.name + "'s user list: " + e.getMessage());
            } catch (Exception e) {
                client.fail("document does not parse: " + e.getMessage());
            }
        }
    };

    String runChecked(Options options) throws Exception {
        options.rejectUnknown();
        return run();
    }

    private String run() throws Exception {
        if (warmupLogins > 0) {
            runChurn(warmupLogins, "w" + prefix, new LatencyHistogram());
        }
        for (int i = 0; i < clients; i++) {
            staying.add(harness.client(prefix + i, stayingHandler));
        }
        long cpu0 = harness.stats.cpuMicros();
        long jit0 = harness.stats.compilerMicros();
        long self0 = Main.selfCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < Math.min(concurrency, clients); i++) {
            staying.get(i).start(harness.server);
        }
        harness.await(clients + " logins", timeoutMillis, () -> loggedIn.get() == clients);
        long t1 = System.nanoTime();
        long cpu1 = harness.stats.cpuMicros();
        long jit1 = harness.stats.compilerMicros();
        long self1 = Main.selfCpuNanos();
        String rss = harness.rssField();

        // the measured window: the growing lobby, or the churn logins after it
        long windowNanos = t1 - t0;
        long windowSelfNanos = self1 - self0;
        long windowJit = jit1 - jit0;
        long churnNanos = 0;
        long churnCpu = 0;
        if (churnMode) {
            long c0 = harness.stats.cpuMicros();
            long churnJit0 = harness.stats.compilerMicros();
            long churnSelf0 = Main.selfCpuNanos();
            long s0 = System.nanoTime();
            runChurn(churn, "c" + prefix, churnLatency);
            churnNanos = System.nanoTime() - s0;
            churnCpu = harness.stats.cpuMicros() - c0;
            windowNanos = churnNanos;
            windowSelfNanos = Main.selfCpuNanos() - churnSelf0;
            windowJit = harness.stats.compilerMicros() - churnJit0;
        }
        verifyMirrors();
        for (Client c : staying) {
            c.close();
        }
        StringBuilder line = new StringBuilder(harness.resultHead(churnMode ? "login-churn" : "login"));
        line.append(" clients=").append(clients).append(" concurrency=").append(concurrency);
        if (churnMode) {
            line.append(" churn=").append(churn)
                    .append(" logins_per_s=").append(Harness.perSecond(churn, churnNanos))
                    .append(" p50_ms=").append(churnLatency.percentileMs(50))
                    .append(" p99_ms=").append(churnLatency.percentileMs(99))
                    .append(' ').append(harness.cpuPer("login", churnCpu, churn));
        } else {
            line.append(" logins_per_s=").append(Harness.perSecond(clients, t1 - t0))
                    .append(" p50_ms=").append(growLatency.percentileMs(50))
                    .append(" p99_ms=").append(growLatency.percentileMs(99))
                    .append(' ').append(harness.cpuPer("login", cpu1 - cpu0, clients));
            if (halfwayCpu >= 0 && harness.stats.known()) {
                int firstHalf = clients / 2;
                line.append(" first_half_").append(harness.cpuPer("login", halfwayCpu - cpu0, firstHalf))
                        .append(" second_half_").append(harness.cpuPer("login", cpu1 - halfwayCpu, clients - firstHalf))
                        .append(" first_half_logins_per_s=").append(Harness.perSecond(firstHalf, halfwayNanos - t0))
                        .append(" second_half_logins_per_s=").append(Harness.perSecond(clients - firstHalf, t1 - halfwayNanos));
            }
        }
        line.append(" jit_").append(harness.cpuPer("login", windowJit, churnMode ? churn : clients));
        line.append(' ').append(rss)
                .append(String.format(java.util.Locale.ROOT, " loadgen_window_cpu_pct=%.0f",
                        100.0 * windowSelfNanos / Math.max(1, windowNanos)))
                .append(' ').append(harness.verdict.fields());
        return line.toString();
    }

    /** {@code count} logins, {@code concurrency} at a time; each leaves as soon as it has the lobby list. */
    private void runChurn(int count, String namePrefix, LatencyHistogram latency) throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Client.Handler handler = new Client.Handler() {
            @Override
            public void loggedIn(Client client, byte[] gamelist, long nanos) {
                latency.recordNanos(nanos - client.connectNanos);
                client.close();
                done.incrementAndGet();
                startChurner(started, count, namePrefix, this);
            }

            @Override
            public void document(Client client, byte[] payload, long nanos) {
            }
        };
        for (int i = 0; i < Math.min(concurrency, count); i++) {
            startChurner(started, count, namePrefix, handler);
        }
        harness.await(count + " logins of " + namePrefix + "*", timeoutMillis, () -> done.get() == count);
    }

    private void startChurner(AtomicInteger started, int count, String namePrefix, Client.Handler handler) {
        int i = started.getAndIncrement();
        if (i < count) {
            harness.client(namePrefix + i, handler).start(harness.server);
        }
    }

    /**
     * A last player logs in; once no diff has arrived for a while, every staying player's list
     * must be that player's list (which also lists him: the diff for his login reached them).
     */
    private void verifyMirrors() throws Exception {
        List<List<String>> reference = new ArrayList<>();
        Client verifier = harness.client(prefix + "verify", new Client.Handler() {
            @Override
            public void loggedIn(Client client, byte[] gamelist, long nanos) {
                try {
                    Mirror mirror = new Mirror();
                    mirror.users = new LobbyMirror(LobbyMirror.usersOf(client.loop.cache.parse(gamelist).root()));
                    client.state = mirror;
                    synchronized (reference) {
                        reference.add(List.of());
                    }
                } catch (Exception e) {
                    client.fail("full lobby list does not parse: " + e.getMessage());
                }
            }

            @Override
            public void document(Client client, byte[] payload, long nanos) {
                stayingHandler.document(client, payload, nanos);
            }
        });
        verifier.start(harness.server);
        harness.await("the verifying login", 60_000, () -> {
            synchronized (reference) {
                return !reference.isEmpty();
            }
        });
        harness.await("the lobby to fall quiet", 120_000,
                () -> System.nanoTime() - lastDocumentNanos.get() > 500_000_000L);
        List<String> expected = onLoop(verifier);
        if (expected.size() != clients + 1) {
            harness.verdict.protocolError("the server lists " + expected.size() + " users, expected " + (clients + 1));
        }
        for (Client c : staying) {
            List<String> mine = onLoop(c);
            if (mine.equals(expected)) {
                continue;
            }
            String what = c.name + " has " + mine.size() + " users, the server " + expected.size();
            if (mine.size() < expected.size()) {
                harness.verdict.lost(expected.size() - mine.size(), what);
            } else if (mine.size() > expected.size()) {
                harness.verdict.duplicated(what);
            } else {
                harness.verdict.reordered(c.name + "'s user list is in another order than the server's");
            }
        }
        verifier.close();
    }

    /** A client's mirrored list, read on its own loop thread. */
    private List<String> onLoop(Client client) throws Exception {
        java.util.concurrent.CompletableFuture<List<String>> list = new java.util.concurrent.CompletableFuture<>();
        client.loop.execute(() -> list.complete(((Mirror) client.state).users.users()));
        return list.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
