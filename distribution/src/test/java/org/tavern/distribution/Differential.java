package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.tavern.wml.Document;

/**
 * The machinery of the differential tests: a script of client sessions is run against a real
 * wesnothd and then against tavern.jar, and every reply must be the same document (compared as
 * trees, times and dice masked by {@link CanonicalWml}). {@link Reference} says which wesnothd and
 * which client version the scripted clients speak as.
 */
final class Differential {

    /** Kept for reading: target/differential/<script>-{wesnothd,tavern}.txt */
    static final Path OUT = Path.of("target", "differential");

    /** Passed as Tavern's configuration: Tavern runs with {@code -c} on wesnothd's own server.cfg. */
    static final String SAME_SERVER_CFG = "-c server.cfg";

    private Differential() {
    }

    /** A reference server, the version its scripted clients announce and the level they host. */
    enum Reference {
        /** Debian 12's wesnothd, run on this machine. */
        V1_16("1.16.9", "/usr/games/wesnothd-1.16", false, "level-1.16.9.cfg"),
        /** Debian 13's wesnothd, run in the chroot ({@link TrixieChroot}). */
        V1_18("1.18.5", "/usr/games/wesnothd-1.18", true, "level-1.18.5.cfg");

        final String clientVersion;
        final String binary;
        private final boolean inChroot;
        private final String level;

        Reference(String clientVersion, String binary, boolean inChroot, String level) {
            this.clientVersion = clientVersion;
            this.binary = binary;
            this.inChroot = inChroot;
            this.level = level;
        }

        /**
         * The level a real client of this version sent as it hosted the --mp-test scenario test1
         * (1.16.9: the capture host_join_test1_test2; 1.18.5: recorded from the real client against
         * wesnothd-1.18), as uncompressed WML bytes.
         */
        byte[] level() throws IOException {
            try (InputStream in = Differential.class.getResourceAsStream("/differential/" + level)) {
                if (in == null) {
                    throw new IOException("no /differential/" + level);
                }
                return in.readAllBytes();
            }
        }

        /** The command that starts this wesnothd with the files under {@code dir} reachable. */
        List<String> command(Path dir) {
            if (inChroot) {
                return TrixieChroot.command(binary, dir);
            }
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: apt-get install wesnoth-1.16-server "
                        + "(.ci/run installs it)");
            }
            return List.of(binary);
        }
    }

    interface Script {
        void run(Run run) throws Exception;
    }

    /** Records what each client received at each step of a script. */
    static final class Run implements AutoCloseable {
        final int port;
        final Reference reference;
        final List<String> transcript = new ArrayList<>();
        final List<ProtocolClient> clients = new ArrayList<>();

        /** Where the transcript is written when the run ends, also when a script fails half-way. */
        private final Path dump;

        Run(int port, Reference reference, Path dump) {
            this.port = port;
            this.reference = reference;
            this.dump = dump;
        }

        /** The version the scripted clients announce. */
        String version() {
            return reference.clientVersion;
        }

        /** The level the scripted hosts send, gzipped as a client sends it. */
        byte[] compressedLevel() throws IOException {
            try {
                return Document.parse(reference.level()).compressedOutput();
            } catch (org.tavern.wml.WmlException e) {
                throw new IOException("the recorded level does not parse", e);
            }
        }

        ProtocolClient connect(String name) throws IOException {
            ProtocolClient client = new ProtocolClient(name, port);
            clients.add(client);
            return client;
        }

        ProtocolClient login(String name) throws IOException {
            ProtocolClient client = connect(name);
            record(client, "version request", List.of(client.receive()));
            client.send("[version]\nversion=\"" + version() + "\"\n[/version]\n");
            record(client, "version answer", List.of(client.receive()));
            client.send("[login]\nusername=\"" + name + "\"\n[/login]\n");
            sync(client, "login");
            return client;
        }

        void sync(ProtocolClient client, String step) throws IOException {
            record(client, step, client.sync());
        }

        /**
         * Syncs until something arrives (bounded): for events another connection causes, such as a
         * disconnect, whose processing the sync query cannot be ordered after.
         */
        void syncUntilReceived(ProtocolClient client, String step) throws Exception {
            syncUntil(client, step, documents -> !documents.isEmpty());
        }

        /** Syncs until what arrived (over several syncs, bounded) satisfies {@code done}; records it all as one step. */
        void syncUntil(ProtocolClient client, String step, Predicate<List<Document>> done) throws Exception {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<Document> documents = new ArrayList<>(client.sync());
            while (!done.test(documents) && System.nanoTime() < end) {
                Thread.sleep(10);
                documents.addAll(client.sync());
            }
            record(client, step, documents);
        }

        void send(ProtocolClient client, String wml, String step, ProtocolClient... observers) throws IOException {
            client.send(wml);
            sync(client, step);
            for (ProtocolClient observer : observers) {
                sync(observer, step + " (seen by " + observer.name + ")");
            }
        }

        void record(ProtocolClient client, String step, List<Document> documents) {
            transcript.add("== " + client.name + " after " + step + ": " + documents.size() + " documents");
            for (Document document : documents) {
                transcript.add(CanonicalWml.of(document));
            }
        }

        @Override
        public void close() throws IOException {
            Files.createDirectories(dump.getParent());
            Files.write(dump, transcript);
            for (ProtocolClient client : clients) {
                client.close();
            }
        }
    }

    /**
     * Runs {@code script} against the reference wesnothd (with {@code wesnothdConfig} as its
     * server.cfg), then against tavern.jar (with {@code tavernLobbyConfig} as etc/tavern.lobby.cfg,
     * {@link #SAME_SERVER_CFG} for wesnothd's server.cfg through {@code -c}, or null for none), then
     * {@code tavernEpilogue} against Tavern before it stops; asserts both transcripts are the same.
     */
    static void compare(Path temp, Reference reference, String scriptName, Script script, String wesnothdConfig,
            String tavernLobbyConfig, Script tavernEpilogue) throws Exception {
        List<String> expected = againstWesnothd(temp, reference, scriptName, script, wesnothdConfig);
        List<String> tavern;
        Path home = Files.createDirectories(temp.resolve("tavern"));
        List<String> arguments = new ArrayList<>(List.of("-p", "0"));
        boolean sameServerCfg = SAME_SERVER_CFG.equals(tavernLobbyConfig);
        if (sameServerCfg) {
            Path cfg = temp.resolve("wesnothd/server.cfg"); // written by againstWesnothd, fifo_path included
            arguments.addAll(List.of("-c", cfg.toString()));
        } else if (tavernLobbyConfig != null) {
            Files.createDirectories(home.resolve("etc"));
            Files.writeString(home.resolve("etc/tavern.lobby.cfg"), tavernLobbyConfig);
        }
        try (ServerProcess server = ServerProcess.start(home, false, arguments.toArray(String[]::new))) {
            server.awaitStarted();
            if (sameServerCfg) {
                server.awaitConsole(t -> t.contains("configuration applied from tavern.servercfg.lobby"),
                        Duration.ofSeconds(30), "the lobby configuration from server.cfg");
            } else if (tavernLobbyConfig != null) {
                server.awaitConsole(t -> t.contains("configuration applied from tavern.lobby"), Duration.ofSeconds(30),
                        "the lobby configuration");
            }
            try (Run run = new Run(server.awaitPort(), reference, OUT.resolve(scriptName + "-tavern.txt"))) {
                script.run(run);
                tavernEpilogue.run(run);
                tavern = run.transcript;
            }
        }
        assertTrue(expected.size() > 10, "the script exercised the reference server");
        for (int i = 0; i < Math.min(expected.size(), tavern.size()); i++) {
            if (!expected.get(i).equals(tavern.get(i))) {
                assertEquals(context(expected, i), context(tavern, i), "first difference at transcript entry " + i);
            }
        }
        assertEquals(expected.size(), tavern.size(), "transcript length");
    }

    private static List<String> againstWesnothd(Path temp, Reference reference, String scriptName, Script script,
            String config) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("wesnothd"));
        Files.writeString(dir.resolve("server.cfg"), "fifo_path=\"" + dir.resolve("socket") + "\"\n" + config);
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(reference.command(dir.toAbsolutePath()));
        command.addAll(List.of("-p", Integer.toString(port), "-c", dir.resolve("server.cfg").toAbsolutePath().toString()));
        Process wesnothd = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("wesnothd.log").toFile()).start();
        try {
            awaitListening(port, wesnothd);
            try (Run run = new Run(port, reference, OUT.resolve(scriptName + "-wesnothd.txt"))) {
                script.run(run);
                return run.transcript;
            }
        } finally {
            wesnothd.destroy();
            wesnothd.waitFor(10, TimeUnit.SECONDS);
            Files.createDirectories(OUT);
            Files.copy(dir.resolve("wesnothd.log"), OUT.resolve(scriptName + "-wesnothd.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void awaitListening(int port, Process process) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    throw new AssertionError("wesnothd did not start listening on " + port);
                }
                Thread.sleep(50);
            }
        }
    }

    private static String context(List<String> transcript, int index) {
        int from = index;
        while (from > 0 && !transcript.get(from).startsWith("== ")) {
            from--;
        }
        return String.join("\n", transcript.subList(from, Math.min(transcript.size(), index + 1)));
    }
}
