package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs the built {@code bin/tavern} on one home, as an owner types it, and cleans up what it started. */
final class TavernScript implements AutoCloseable {

    /** start waits for the server itself (60 s); this bounds the script around it. */
    static final Duration SCRIPT_DEADLINE = Duration.ofSeconds(120);

    final Path home;
    private final Path scratch;
    private final Map<String, String> environment;

    TavernScript(Path home, Path scratch, Map<String, String> environment) {
        this.home = home;
        this.scratch = scratch;
        this.environment = environment;
    }

    record Result(int exitCode, String output) {
    }

    static Path script() {
        return ServerProcess.tavernJar().toAbsolutePath().resolveSibling("bin/tavern");
    }

    /** Runs {@code bin/tavern --home HOME ARGS} with no input; output is stdout and stderr together. */
    Result run(String... args) throws Exception {
        return runWith(environment, args);
    }

    Result runWith(Map<String, String> extraEnvironment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script().toString(), "--home", home.toString()));
        command.addAll(ServerProcess.scriptArguments(args));
        Path output = Files.createTempFile(scratch, "tavern-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(scratch.toFile());
        builder.environment().put("JAVA", System.getProperty("java.command", "java"));
        builder.environment().remove("TAVERN_JAR");
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(new byte[0]);
        }
        if (!process.waitFor(SCRIPT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tavern " + String.join(" ", args) + " did not end within " + SCRIPT_DEADLINE
                    + "\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The pid in data/tavern.pid. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/tavern.pid")).strip());
    }

    String log() throws IOException {
        Path log = home.resolve("logs/tavern.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Polls logs/tavern.log until {@code condition} holds, or fails naming {@code what}. */
    String awaitLog(Predicate<String> condition, Duration deadline, String what) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            String log = log();
            if (condition.test(log)) {
                return log;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " in logs/tavern.log within " + deadline + ":\n" + log);
            }
            Thread.sleep(100);
        }
    }

    static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Never leaves a server behind: kills the pid file's process if one is still there. */
    @Override
    public void close() throws IOException {
        Path pidFile = home.resolve("data/tavern.pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
