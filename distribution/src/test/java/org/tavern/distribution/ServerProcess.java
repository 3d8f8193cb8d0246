package org.tavern.distribution;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * tavern.jar running as a separate process, as an owner starts it, with its console captured in a
 * file the tests poll (never a fixed sleep).
 */
final class ServerProcess implements AutoCloseable {

    static final Duration STARTUP_DEADLINE = Duration.ofSeconds(60);

    final Path home;
    final Path console;
    final Process process;
    private final OutputStream stdin;

    private ServerProcess(Path home, Path console, Process process) {
        this.home = home;
        this.console = console;
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    /** Starts tavern.jar with the given home and arguments; {@code pipeStdin} keeps a shell pipe open. */
    static ServerProcess start(Path home, boolean pipeStdin, String... args) throws IOException {
        return start(home, List.of(), pipeStdin, args);
    }

    /** As {@link #start(Path, boolean, String...)}, with options for the JVM ({@code -Duser.home=...}). */
    static ServerProcess start(Path home, List<String> jvmOptions, boolean pipeStdin, String... args)
            throws IOException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.command", "java"));
        command.addAll(jvmOptions);
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-Duser.home="))) {
            // The terminal shell keeps its history in ~/.gogo.history: the test's home, not the person's
            command.add("-Duser.home=" + home.toAbsolutePath());
        }
        command.add("-jar");
        command.add(tavernJar().toString());
        command.add("--home");
        command.add(home.toString());
        command.addAll(List.of(args));
        if (command.stream().noneMatch(arg -> arg.startsWith("--http-port"))) {
            // HTTP off unless a test asks for it: servers under test must not fight over port 15080
            command.add("--http-port");
            command.add("0");
        }
        Path sshConfig = home.resolve("etc/tavern.ssh.cfg");
        if (!Files.exists(sshConfig)) {
            // The SSH console off unless a test configures it: servers under test (two at once in some
            // tests, and other test runs on the machine) must not fight over port 8101.
            Files.createDirectories(sshConfig.getParent());
            Files.writeString(sshConfig, "port=0\n");
        }
        Path console = home.resolve("console.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        if (!pipeStdin) {
            builder.redirectInput(new File("/dev/null"));
        }
        return new ServerProcess(home, console, builder.start());
    }

    /**
     * A port free right now, for a server's --http-port (the server binds it moments later). Chosen
     * below Linux's ephemeral range (32768 and up), where every "-p 0" and outgoing connection on
     * this machine takes its ports, so nobody else grabs it in the meantime.
     */
    static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress(port)); // all interfaces, as the server binds it
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    /**
     * The arguments of a {@code bin/tavern start} with HTTP off unless they name an HTTP port: servers
     * under test must not fight over port 15080 (with each other, or with other runs on the machine).
     */
    static List<String> scriptArguments(String... args) {
        List<String> list = new ArrayList<>(List.of(args));
        if (!list.isEmpty() && list.get(0).equals("start") && list.stream().noneMatch(a -> a.startsWith("--http-port"))) {
            list.add("--http-port");
            list.add("0");
        }
        return list;
    }

    static Path tavernJar() {
        Path jar = Path.of(System.getProperty("tavern.jar", "target/tavern.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("tavern.jar not built at " + jar.toAbsolutePath());
        }
        return jar;
    }

    String consoleText() throws IOException {
        return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
    }

    /** Polls the console until {@code condition} holds; fails with the console text at the deadline. */
    String awaitConsole(Predicate<String> condition, Duration deadline, String what) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            String text = consoleText();
            if (condition.test(text)) {
                return text;
            }
            if (!process.isAlive()) {
                throw new AssertionError("server exited (" + process.exitValue() + ") while waiting for " + what
                        + "\n--- console ---\n" + text);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "\n--- console ---\n" + text);
            }
            Thread.sleep(50);
        }
    }

    String awaitStarted() throws Exception {
        return awaitConsole(text -> text.contains("Tavern started"), STARTUP_DEADLINE, "the started line");
    }

    /** The port from the transport's "Listening on port N" line (servers in tests run with -p 0). */
    int awaitPort() throws Exception {
        String text = awaitConsole(t -> LISTENING.matcher(t).find(), STARTUP_DEADLINE, "the listening line");
        java.util.regex.Matcher matcher = LISTENING.matcher(text);
        matcher.find();
        return Integer.parseInt(matcher.group(1));
    }

    private static final java.util.regex.Pattern LISTENING = java.util.regex.Pattern.compile("Listening on port (\\d+)");

    /** Types one command into the Gogo shell (only with a piped stdin). */
    void shell(String command) throws IOException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Numbers the shell commands, so an earlier command's output is never read as a later one's. */
    private int shellCommands;

    /**
     * Runs one Gogo command and answers its output, read between two echoed markers unique to this
     * call (polling the console file, no fixed wait).
     */
    String shellOutput(String command) throws Exception {
        String marker = "out-" + shellCommands++;
        shell("echo begin-" + marker);
        shell(command);
        shell("echo end-" + marker);
        String text = awaitConsole(t -> t.contains("\nend-" + marker) || t.contains("g! end-" + marker),
                Duration.ofSeconds(20), "the output of " + command);
        return text.substring(text.lastIndexOf("begin-" + marker) + ("begin-" + marker).length(),
                text.lastIndexOf("end-" + marker));
    }

    /** Runs a Gogo command again and again until its output satisfies {@code condition}; answers that output. */
    String awaitShellOutput(String command, Predicate<String> condition, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            String output = shellOutput(command);
            if (condition.test(output)) {
                return output;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(command + " still said, after " + deadline + ":\n" + output);
            }
            Thread.sleep(100);
        }
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    int terminate(Duration deadline) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within " + deadline + " of SIGTERM");
        }
        return process.exitValue();
    }

    /**
     * The JVM that runs the server: {@code java -jar tavern.jar} is a launcher that starts it as its
     * child with Tavern's JVM options (org.tavern.launcher.Relaunch), unless the test's options say
     * {@code -Dtavern.relaunch=false}, which makes the launcher itself the server.
     */
    ProcessHandle serverJvm() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (process.info().arguments().map(a -> List.of(a).contains("-Dtavern.relaunch=false")).orElse(false)) {
                return process.toHandle();
            }
            java.util.Optional<ProcessHandle> child = process.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            if (!process.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("no server JVM under the launcher (process id " + process.pid() + ")");
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL to the server JVM: it gets no chance to flush or clean up anything; returns once all is gone. */
    void kill() throws InterruptedException {
        serverJvm(); // started by now, so it is among the processes killed
        killAll();
    }

    @Override
    public void close() {
        try {
            killAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL to java -jar's launcher and the server JVM under it, waiting until both are gone: killed
     * alone, the launcher leaves the server to stop gracefully, still writing into its home.
     */
    private void killAll() throws InterruptedException {
        List<ProcessHandle> jvms = new ArrayList<>(process.descendants().toList());
        jvms.add(process.toHandle());
        jvms.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle jvm : jvms) {
            try {
                jvm.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("process " + jvm.pid() + " still alive 30 s after SIGKILL", e);
            }
        }
    }
}
