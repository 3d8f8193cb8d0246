package org.tavern.identity.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: {@code initdb} into {@code target/}, started with
 * {@code pg_ctl} on a free loopback port (no Unix socket), stopped and deleted by {@link #close}.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to, and runs as, the
 * {@code postgres} user (or {@code nobody}) through {@code runuser} (or {@code su}). Binaries are looked up in
 * {@code $TAVERN_PG_BIN}, {@code /usr/lib/postgresql/<newest>/bin}, then the {@code PATH}; without
 * them {@link #start} fails with a message that says what to install.
 */
final class PostgresCluster implements AutoCloseable {

    static final String USER = "tavern";
    static final String PASSWORD = "tavern-test-" + UUID.randomUUID().toString().substring(0, 8);

    private final Path bin;
    private final Path work;
    private final Path data;
    private final String runAs; // null: the current user
    private final int port;
    private volatile boolean running;
    private final Thread stopAtExit = new Thread(this::stopQuietly, "postgres-test-cluster-stop");

    private PostgresCluster(Path bin, Path work, String runAs, int port) {
        this.bin = bin;
        this.work = work;
        this.data = work.resolve("data");
        this.runAs = runAs;
        this.port = port;
    }

    /** Creates and starts a cluster under {@code parent} (falling back to the temp folder if the server user cannot reach it). */
    static PostgresCluster start(Path parent) throws IOException, InterruptedException {
        Path bin = findBinaries();
        String runAs = "root".equals(System.getProperty("user.name")) ? unprivilegedUser() : null;
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            PostgresCluster cluster = new PostgresCluster(bin, workFolder(parent, runAs), runAs, freePort());
            try {
                cluster.initAndStart();
                return cluster;
            } catch (IOException e) {
                last = e;
                cluster.close();
            }
        }
        throw last;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    /** Creates a new, empty database and returns its name. */
    String createDatabase() throws SQLException {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", PASSWORD);
        try (Connection c = new org.postgresql.Driver().connect(url("postgres"), login); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private void initAndStart() throws IOException, InterruptedException {
        Path passwordFile = work.resolve("pwfile");
        Files.writeString(passwordFile, PASSWORD + "\n");
        chown(passwordFile);
        run(120, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
        Files.writeString(data.resolve("postgresql.conf"), "\n# tavern test cluster\nport = " + port
                + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 40\n"
                + "shared_buffers = 16MB\nfsync = off\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        running = true;
        run(120, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", work.resolve("server.log").toString(),
                "-w", "-t", "60", "start");
        awaitConnectable();
    }

    private void awaitConnectable() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", PASSWORD);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = new org.postgresql.Driver().connect(url("postgres"), login)) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IOException("PostgreSQL started but refuses connections on port " + port + ": " + last
                + "\n" + log());
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNotAdded) {
            // nothing to undo
        }
        deleteTree(work);
    }

    private void stopQuietly() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop the test PostgreSQL in " + data + ": " + e.getMessage());
        }
    }

    String log() {
        try {
            Path log = work.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "(no server log)";
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    private void run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> full = runAs == null ? List.of(command) : asUser(runAs, command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).directory(work.toFile());
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("PGDATA");
        Path output = Files.createTempFile("pg-test", ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String text = Files.readString(output);
        Files.deleteIfExists(output);
        if (!done) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", full) + " did not finish in " + timeoutSeconds + " s:\n" + text);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed (exit " + process.exitValue() + "):\n" + text
                    + "\n" + log());
        }
    }

    static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("TAVERN_PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                                .reversed())
                        .forEach(p -> candidates.add(p.resolve("bin")));
            } catch (IOException e) {
                // fall through to PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir));
            }
        }
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
                    && Files.isExecutable(dir.resolve("postgres"))) {
                return dir;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in "
                + "$TAVERN_PG_BIN, /usr/lib/postgresql/*/bin or the PATH: install them (Debian: apt-get install "
                + "postgresql; .ci/run does) or set TAVERN_PG_BIN to their folder");
    }

    private static String unprivilegedUser() throws IOException, InterruptedException {
        for (String user : List.of("postgres", "nobody")) {
            Process id = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
            if (id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0) {
                return user;
            }
        }
        throw new IllegalStateException("running as root, and neither user postgres nor nobody exists to run "
                + "the test PostgreSQL (it refuses to run as root)");
    }

    /** {@code parent}, if the server user can reach it; else a fresh folder in the temp directory. */
    private static Path workFolder(Path parent, String runAs) throws IOException, InterruptedException {
        Path work = parent.toAbsolutePath().resolve("pg-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        if (runAs == null) {
            return work;
        }
        chown(work, runAs);
        Process probe = new ProcessBuilder(asUser(runAs, "test", "-w", work.toString())).redirectErrorStream(true).start();
        if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
            return work;
        }
        deleteTree(work);
        Path temp = Files.createTempDirectory("tavern-pg");
        chown(temp, runAs);
        return temp;
    }

    /** {@code command} run as {@code user}: through runuser (util-linux), else su. */
    static List<String> asUser(String user, String... command) {
        for (String runuser : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")) {
            if (Files.isExecutable(Path.of(runuser))) {
                List<String> full = new ArrayList<>(List.of(runuser, "-u", user, "--"));
                full.addAll(List.of(command));
                return full;
            }
        }
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append(line.length() == 0 ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return List.of("su", "-s", "/bin/sh", user, "-c", line.toString());
    }

    private void chown(Path path) throws IOException, InterruptedException {
        if (runAs != null) {
            chown(path, runAs);
        }
    }

    private static void chown(Path path, String user) throws IOException, InterruptedException {
        Process chown = new ProcessBuilder("chown", "-R", user, path.toString()).redirectErrorStream(true).start();
        if (!chown.waitFor(30, TimeUnit.SECONDS) || chown.exitValue() != 0) {
            throw new IOException("chown -R " + user + " " + path + " failed: "
                    + new String(chown.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
