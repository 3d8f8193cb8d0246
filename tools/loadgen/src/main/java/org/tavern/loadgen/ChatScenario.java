package org.tavern.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.tavern.wml.Node;

/**
 * Lobby chat fan-out: {@code users} players in the lobby, each line delivered by the server to all
 * the others. {@code --rate=R}: R lines a second in total, spread evenly over the senders (open
 * loop). {@code --rate=0}: saturation, each sender keeps {@code window} lines in flight and sends
 * the next when one has reached everybody. A line's text carries its sender, its number and when it
 * was sent: each receiver checks that from every sender it gets 0, 1, 2... once each, in order, and
 * records the latency. Deliveries and latencies count only inside the measured window.
 */
final class ChatScenario {

    private static final String MARK = "lg ";

    private final Harness harness;
    private final int users;
    private final double rate;
    private final int window;
    private final long seconds;
    private final long warmupSeconds;
    private final String prefix;

    private final List<Client> clients = new ArrayList<>();
    private final AtomicInteger loggedIn = new AtomicInteger();
    private final AtomicLong deliveredInWindow = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean sending;

    /** A sender's state: how many lines it sent and how many deliveries of them are pending. */
    private static final class Talker {
        final int index;
        SenderSequences heard;
        volatile long sent;
        final AtomicLong pendingDeliveries = new AtomicLong();

        Talker(int index) {
            this.index = index;
        }
    }

    ChatScenario(Harness harness, Options options) throws Options.UsageException {
        this.harness = harness;
        this.users = options.count("users", 100, 2, 10_000);
        this.rate = options.decimal("rate", 0);
        this.window = options.count("window", 1, 1, 1000);
        this.seconds = options.count("seconds", 10, 1, 3600);
        this.warmupSeconds = options.count("warmup-seconds", 2, 0, 3600);
        this.prefix = options.string("prefix", "chat");
    }

    String runChecked(Options options) throws Exception {
        options.rejectUnknown();
        return run();
    }

    private final Client.Handler handler = new Client.Handler() {
        @Override
        public void loggedIn(Client client, byte[] gamelist, long nanos) {
            ((Talker) client.state).heard = new SenderSequences(users);
            loggedIn.incrementAndGet();
        }

        @Override
        public void document(Client client, byte[] payload, long nanos) {
            Node message;
            try {
                message = client.loop.cache.parse(payload).root().child("message");
            } catch (Exception e) {
                client.fail("document does not parse: " + e.getMessage());
                return;
            }
            if (message == null) {
                return; // lobby diffs of the logins
            }
            String text = message.text("message");
            if (!text.startsWith(MARK)) {
                if (message.attrEquals("type", "error")) {
                    client.fail("server refused a line: " + text);
                }
                return;
            }
            received(client, message, text, nanos);
        }
    };

    private void received(Client receiver, Node message, String text, long nanos) {
        String[] parts = text.split(" ");
        int from = Integer.parseInt(parts[1]);
        long seq = Long.parseLong(parts[2]);
        long sentNanos = Long.parseLong(parts[3]);
        Talker me = (Talker) receiver.state;
        if (!message.attrEquals("sender", clients.get(from).name)) {
            harness.verdict.protocolError(receiver.name + " got line " + seq + " of " + clients.get(from).name
                    + " with sender=" + message.attr("sender"));
        }
        switch (me.heard.accept(from, seq)) {
            case DUPLICATE -> harness.verdict.duplicated(receiver.name + " got line " + seq + " of " + from + " again");
            case REORDERED -> harness.verdict.reordered(receiver.name + " got line " + seq + " of " + from + " early");
            case IN_ORDER -> {
            }
        }
        if (sentNanos >= windowStart && sentNanos < windowEnd) {
            latency.recordNanos(nanos - sentNanos);
        }
        if (nanos >= windowStart && nanos < windowEnd) {
            deliveredInWindow.incrementAndGet();
        }
        outstanding.decrementAndGet();
        Client sender = clients.get(from);
        Talker talker = (Talker) sender.state;
        long left = talker.pendingDeliveries.decrementAndGet();
        if (rate == 0 && sending && left == (long) (window - 1) * (users - 1)) {
            sender.loop.execute(() -> say(sender));
        }
    }

    /** Sends the sender's next line; on its own loop thread. */
    private void say(Client sender) {
        if (!sending) {
            return;
        }
        Talker talker = (Talker) sender.state;
        long seq = talker.sent++;
        talker.pendingDeliveries.addAndGet(users - 1);
        outstanding.addAndGet(users - 1);
        String text = MARK + talker.index + " " + seq + " " + System.nanoTime();
        sender.send(Wire.frame("[message]\n\tmessage=\"" + text + "\"\n\tsender=\"" + sender.name + "\"\n[/message]\n"));
    }

    /** Open loop: each sender says a line every {@code users / rate} seconds, phases spread out. */
    private void sayOnSchedule(Client sender, long atNanos, long periodNanos) {
        if (!sending) {
            return;
        }
        say(sender);
        long next = atNanos + periodNanos;
        sender.loop.schedule(next, () -> sayOnSchedule(sender, next, periodNanos));
    }

    private String run() throws Exception {
        for (int i = 0; i < users; i++) {
            Client c = harness.client(prefix + i, handler);
            c.state = new Talker(i);
            clients.add(c);
        }
        for (Client c : clients) {
            c.start(harness.server);
            // A few at a time: this scenario measures chat, not logins.
            harness.await("login of " + c.name, 60_000, () -> loggedIn.get() > clients.indexOf(c) - 20);
        }
        harness.await(users + " logins", 120_000, () -> loggedIn.get() == users);
        Harness.sleepMillis(500); // the last lobby diffs
        sending = true;
        long start = System.nanoTime();
        if (rate == 0) {
            for (Client c : clients) {
                for (int w = 0; w < window; w++) {
                    c.loop.execute(() -> say(c));
                }
            }
        } else {
            long period = (long) (users * 1e9 / rate);
            for (int i = 0; i < users; i++) {
                Client c = clients.get(i);
                long first = start + period * i / users;
                c.loop.schedule(first, () -> sayOnSchedule(c, first, period));
            }
        }
        Harness.sleepMillis(warmupSeconds * 1000);
        long cpu0 = harness.stats.cpuMicros();
        windowStart = System.nanoTime();
        Harness.sleepMillis(seconds * 1000);
        windowEnd = System.nanoTime();
        long cpu1 = harness.stats.cpuMicros();
        sending = false;
        harness.await("the last lines to arrive", 30_000, () -> outstanding.get() == 0);
        checkNothingMissing();
        long delivered = deliveredInWindow.get();
        long window_ = windowEnd - windowStart;
        String line = harness.resultHead("chat") + " users=" + users + " rate=" + (rate == 0 ? "saturate" : rate)
                + " deliveries=" + delivered + " deliveries_per_s=" + Harness.perSecond(delivered, window_)
                + " p50_ms=" + latency.percentileMs(50) + " p99_ms=" + latency.percentileMs(99)
                + " " + harness.cpuPer("delivery", cpu1 - cpu0, delivered) + " " + harness.verdict.fields();
        for (Client c : clients) {
            c.close();
        }
        return line;
    }

    /** After the drain: every receiver got every line of every other sender. */
    private void checkNothingMissing() throws Exception {
        for (Client receiver : clients) {
            java.util.concurrent.CompletableFuture<Long> missing = new java.util.concurrent.CompletableFuture<>();
            receiver.loop.execute(() -> {
                long sum = 0;
                Talker me = (Talker) receiver.state;
                for (Client sender : clients) {
                    if (sender != receiver) {
                        sum += me.heard.missing(((Talker) sender.state).index, ((Talker) sender.state).sent);
                    }
                }
                missing.complete(sum);
            });
            harness.verdict.lost(missing.get(10, java.util.concurrent.TimeUnit.SECONDS), receiver.name + "'s lines");
        }
    }
}
