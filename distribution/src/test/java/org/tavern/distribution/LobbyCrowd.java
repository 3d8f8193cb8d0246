package org.tavern.distribution;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * A crowded lobby under chat load, for the live-upgrade load test: idle members who only read, and
 * chatters who each say a numbered line ({@code "line <seq>"}) every few milliseconds from a thread
 * of their own. Every member (the chatters too) reads on a thread of its own and keeps the numbered
 * lines it reads, per sender, so a test can check that each member got every other member's lines
 * exactly once and in order, and that nobody lost the connection.
 */
final class LobbyCrowd implements AutoCloseable {

    private static final String LINE = "line ";
    private static final String END = "end-of-lines";

    /** Every member: the idle ones, then the chatters. */
    final List<ProtocolClient> members = new ArrayList<>();
    final List<ProtocolClient> chatters = new ArrayList<>();
    private final long lineMillis;
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    /**
     * Per member, per chatter: the numbers of the lines read, in the order read. Written by the
     * member's reader alone and read once it has ended (the latch orders the two).
     */
    private final Map<String, Map<String, List<Long>>> received = new ConcurrentHashMap<>();
    /** Per member, per chatter: the number of the line read last, for waits while the readers run. */
    private final Map<String, Map<String, AtomicLong>> lastRead = new ConcurrentHashMap<>();
    /** Anything a reader saw that means trouble: an error, a flood warning, a lost connection. */
    final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicBoolean talking = new AtomicBoolean(true);
    private CountDownLatch readersDone;

    private LobbyCrowd(long lineMillis) {
        this.lineMillis = lineMillis;
    }

    /**
     * Logs in {@code idle} members ({@code idle1}, ...) and {@code chatterCount} chatters
     * ({@code chat1}, ...), one after another, and starts their readers; then the chatters talk, a
     * line every {@code lineMillis} each.
     */
    static LobbyCrowd start(int port, int idle, int chatterCount, long lineMillis) throws IOException {
        LobbyCrowd crowd = new LobbyCrowd(lineMillis);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= idle; i++) {
            names.add("idle" + i);
        }
        for (int i = 1; i <= chatterCount; i++) {
            names.add("chat" + i);
            crowd.sent.put("chat" + i, new AtomicLong());
        }
        crowd.readersDone = new CountDownLatch(names.size());
        for (String name : names) {
            ProtocolClient member = ProtocolClient.loggedIn(name, port);
            // a member may hear nothing while the others log in: the pause of an upgrade is far shorter
            member.readTimeout(Duration.ofSeconds(60));
            crowd.members.add(member);
            if (crowd.sent.containsKey(name)) {
                crowd.chatters.add(member);
            }
            crowd.received.put(name, new ConcurrentHashMap<>());
            crowd.lastRead.put(name, new ConcurrentHashMap<>());
            thread("reader " + name, () -> crowd.read(member));
        }
        for (ProtocolClient chatter : crowd.chatters) {
            thread("talker " + chatter.name, () -> crowd.talk(chatter));
        }
        return crowd;
    }

    private static void thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void talk(ProtocolClient chatter) {
        AtomicLong count = sent.get(chatter.name);
        try {
            while (talking.get()) {
                chatter.send("[message]\nmessage=\"" + LINE + count.incrementAndGet() + "\"\n[/message]\n");
                // paces the load; nothing waits on state here
                Thread.sleep(lineMillis);
            }
            chatter.send("[message]\nmessage=\"" + END + "\"\n[/message]\n");
        } catch (IOException e) {
            problems.add(chatter.name + " could not send: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads until every other chatter's end has arrived. */
    private void read(ProtocolClient member) {
        Map<String, List<Long>> lines = received.get(member.name);
        Map<String, AtomicLong> last = lastRead.get(member.name);
        int othersTalking = (int) sent.keySet().stream().filter(name -> !name.equals(member.name)).count();
        try {
            while (othersTalking > 0) {
                Document document = member.receive();
                Node root = document.root();
                if (root.child("error") != null) {
                    problems.add(member.name + " was sent " + document);
                }
                Node message = root.child("message");
                if (message == null) {
                    continue;
                }
                String sender = message.attr("sender");
                String text = message.text("message");
                if ("server".equals(sender) && "error".equals(message.attr("type"))) {
                    problems.add(member.name + " was warned: " + text);
                } else if (sent.containsKey(sender) && text.equals(END)) {
                    othersTalking--;
                } else if (sent.containsKey(sender) && text.startsWith(LINE)) {
                    long seq = Long.parseLong(text.substring(LINE.length()));
                    lines.computeIfAbsent(sender, s -> new ArrayList<>()).add(seq);
                    last.computeIfAbsent(sender, s -> new AtomicLong()).set(seq);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(member.name + " lost its connection or read garbage: " + e);
        } finally {
            readersDone.countDown();
        }
    }

    /** The number of the line {@code chatter} said last so far. */
    long lastSaid(ProtocolClient chatter) {
        return sent.get(chatter.name).get();
    }

    /**
     * Waits until every member has read line {@code seq} (or a later one) of every chatter but
     * itself; a member that falls that far behind fails the test at the deadline.
     */
    void awaitRead(long seq, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        for (ProtocolClient member : members) {
            for (String chatter : sent.keySet()) {
                if (chatter.equals(member.name)) {
                    continue;
                }
                while (true) {
                    AtomicLong last = lastRead.get(member.name).get(chatter);
                    if (last != null && last.get() >= seq) {
                        break;
                    }
                    if (System.nanoTime() > end || !problems.isEmpty()) {
                        throw new AssertionError(member.name + " never read line " + seq + " of " + chatter
                                + "; problems: " + problems);
                    }
                    Thread.sleep(10);
                }
            }
        }
    }

    /**
     * Stops the chat and waits for every reader to read its end; then every member must have read
     * every other chatter's lines exactly once, in the order said, and nothing that means trouble.
     */
    void stopAndCheckEveryLineArrivedInOrder() throws InterruptedException {
        talking.set(false);
        if (!readersDone.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError(readersDone.getCount() + " members never read the end of the chat; problems: "
                    + problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("trouble in the lobby: " + problems);
        }
        for (ProtocolClient member : members) {
            for (Map.Entry<String, AtomicLong> chatter : sent.entrySet()) {
                if (chatter.getKey().equals(member.name)) {
                    continue;
                }
                List<Long> lines = received.get(member.name).getOrDefault(chatter.getKey(), List.of());
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i) != i + 1) {
                        throw new AssertionError(member.name + " read line " + lines.get(i) + " of " + chatter.getKey()
                                + " at position " + (i + 1) + " (lost, duplicated or reordered)");
                    }
                }
                if (lines.size() != chatter.getValue().get()) {
                    throw new AssertionError(member.name + " read " + lines.size() + " of " + chatter.getValue().get()
                            + " lines of " + chatter.getKey());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        talking.set(false);
        for (ProtocolClient member : members) {
            member.close();
        }
    }
}
