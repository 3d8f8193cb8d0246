package org.tavern.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idle players: {@code connections} players log in ({@code concurrency} at a time) and then do
 * nothing; once the server has settled, its resident memory per connection is
 * (RSS now − RSS before the first connection) / connections. Check (cheap, for thousands of
 * players): each player must get exactly one user insert for every player who logged in after the
 * list he got, so that his count ends at {@code connections}.
 */
final class IdleScenario {

    private final Harness harness;
    private final int connections;
    private final int concurrency;
    private final long settleSeconds;
    private final long timeoutMillis;
    private final List<Client> clients = new ArrayList<>();
    private final AtomicInteger loggedIn = new AtomicInteger();
    private final AtomicLong lastDocumentNanos = new AtomicLong(System.nanoTime());

    /** A player's count of the users he knows of. */
    private static final class Count {
        int users;
    }

    IdleScenario(Harness harness, Options options) throws Options.UsageException {
        this.harness = harness;
        this.connections = options.count("connections", 5000, 1, 1_000_000);
        this.concurrency = options.count("concurrency", 50, 1, 10_000);
        this.settleSeconds = options.count("settle-seconds", 5, 0, 3600);
        this.timeoutMillis = options.number("timeout-ms", 900_000);
    }

    String runChecked(Options options) throws Exception {
        options.rejectUnknown();
        return run();
    }

    private final Client.Handler handler = new Client.Handler() {
        @Override
        public void loggedIn(Client client, byte[] gamelist, long nanos) {
            Count count = new Count();
            try {
                count.users = client.loop.cache.parse(gamelist).root().count("user");
            } catch (Exception e) {
                client.fail("full lobby list does not parse: " + e.getMessage());
                return;
            }
            client.state = count;
            int done = loggedIn.incrementAndGet();
            int next = done + concurrency - 1;
            if (next < clients.size()) {
                clients.get(next).start(harness.server);
            }
        }

        @Override
        public void document(Client client, byte[] payload, long nanos) {
            lastDocumentNanos.set(nanos);
            // Every document an idle lobby player gets is a diff; only user inserts and deletes change his count.
            String head = Wire.peek(payload, 64);
            if (!head.startsWith("[gamelist_diff]")) {
                return;
            }
            try {
                var diff = client.loop.cache.parse(payload).root().child("gamelist_diff");
                Count count = (Count) client.state;
                for (var insert : diff.children("insert_child")) {
                    count.users += insert.count("user");
                }
                for (var delete : diff.children("delete_child")) {
                    count.users -= delete.count("user");
                }
            } catch (Exception e) {
                client.fail("diff does not parse: " + e.getMessage());
            }
        }
    };

    private String run() throws Exception {
        for (int i = 0; i < connections; i++) {
            clients.add(harness.client("idle" + i, handler));
        }
        long rss0 = harness.stats.rssKb();
        long t0 = System.nanoTime();
        for (int i = 0; i < Math.min(concurrency, connections); i++) {
            clients.get(i).start(harness.server);
        }
        harness.await(connections + " logins", timeoutMillis, () -> loggedIn.get() == connections);
        long loginNanos = System.nanoTime() - t0;
        harness.await("the lobby to fall quiet", 300_000,
                () -> System.nanoTime() - lastDocumentNanos.get() > 1_000_000_000L);
        long cpuIdle0 = harness.stats.cpuMicros();
        Harness.sleepMillis(settleSeconds * 1000);
        long cpuIdle = harness.stats.cpuMicros() - cpuIdle0;
        long rss1 = harness.stats.rssKb();
        for (Client c : clients) {
            java.util.concurrent.CompletableFuture<Integer> users = new java.util.concurrent.CompletableFuture<>();
            c.loop.execute(() -> users.complete(((Count) c.state).users));
            int n = users.get(10, java.util.concurrent.TimeUnit.SECONDS);
            if (n < connections) {
                harness.verdict.lost(connections - n, c.name + "'s user inserts");
            } else if (n > connections) {
                harness.verdict.duplicated(c.name + " counts " + n + " users of " + connections);
            }
        }
        String perConnection = harness.stats.known()
                ? String.format(java.util.Locale.ROOT, "%.1f", (rss1 - rss0) / (double) connections) : "na";
        String line = harness.resultHead("idle") + " connections=" + connections
                + " logins_per_s=" + Harness.perSecond(connections, loginNanos)
                + " rss_before_kb=" + rss0 + " rss_after_kb=" + rss1 + " rss_kb_per_connection=" + perConnection
                + " idle_cpu_pct=" + String.format(java.util.Locale.ROOT, "%.1f", cpuIdle / (settleSeconds * 1e4 + 1e-9))
                + " " + harness.verdict.fields();
        clients.forEach(Client::close);
        return line;
    }
}
