package org.tavern.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Wesnoth 1.16 client (Debian's wesnoth-1.16-core), headless, driven by a Lua plugin from
 * src/test/resources/realclient. Each client gets its own HOME.
 */
final class RealClient implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/games/wesnoth-1.16");

    final String name;
    final Path output;
    final Process process;

    private RealClient(String name, Path output, Process process) {
        this.name = name;
        this.output = output;
        this.process = process;
    }

    /**
     * How a client reaches the server: the {@code --server} address, a command it runs under (such as
     * {@code ip netns exec NS}), more command-line options and environment variables.
     */
    record Launch(String server, List<String> wrapper, List<String> options, Map<String, String> environment) {

        /** The server on this machine's loopback, as most tests use it. */
        static Launch local(int port) {
            return new Launch("localhost:" + port, List.of(), List.of(), Map.of());
        }
    }

    /** Starts a client that logs in as {@code name} and runs {@code plugin} with its placeholders filled. */
    static RealClient start(Path workDir, int port, String name, String plugin, Map<String, String> values)
            throws IOException {
        return start(workDir, Launch.local(port), name, plugin, values);
    }

    /** As {@link #start(Path, int, String, String, Map)}, reaching the server as {@code launch} says. */
    static RealClient start(Path workDir, Launch launch, String name, String plugin, Map<String, String> values)
            throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install wesnoth-1.16-core "
                    + "(.ci/run installs it)");
        }
        Path home = Files.createDirectories(workDir.resolve(name));
        String script = resource(plugin);
        for (Map.Entry<String, String> value : values.entrySet()) {
            script = script.replace("@" + value.getKey() + "@", value.getValue());
        }
        Path scriptFile = home.resolve(plugin);
        Files.writeString(scriptFile, script);
        Path output = home.resolve("client.txt");
        List<String> command = new ArrayList<>(launch.wrapper());
        command.addAll(List.of(BINARY.toString(), "--plugin=" + scriptFile, "--server=" + launch.server(),
                "--username=" + name, "--mp-test", "--noaddons", "--nogui"));
        command.addAll(launch.options());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(launch.environment());
        return new RealClient(name, output, builder.start());
    }

    /** Everything the client printed so far (its log, with {@code --log-debug=network} the documents). */
    String output() throws IOException {
        return Files.exists(output) ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8) : "";
    }

    private static String resource(String plugin) throws IOException {
        try (InputStream in = RealClient.class.getResourceAsStream("/realclient/" + plugin)) {
            if (in == null) {
                throw new IOException("no plugin " + plugin);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Waits for the client to exit; returns its exit code. */
    int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not finish within " + seconds + " s:\n" + probeLines());
        }
        return process.exitValue();
    }

    /**
     * The plugin's own progress lines. Read leniently, as {@link #output()}: the client writes its log
     * as it goes, and a read can end inside a multi-byte character (or meet bytes that are no UTF-8).
     */
    String probeLines() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String line : output().split("\\R")) {
            if (line.startsWith("tavern-probe") || line.contains("error") && !line.contains("audio")) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
