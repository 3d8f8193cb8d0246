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
 * A real Wesnoth client, headless, driven by a Lua plugin from src/test/resources/realclient: the
 * 1.16.9 client of this machine (Debian 12's wesnoth-1.16-core) or the 1.18.5 client of the Debian 13
 * chroot ({@link TrixieChroot}). Both take the same flags and plugins. Each client gets its own HOME.
 */
final class RealClient implements AutoCloseable {

    /** A client release: its version as it announces it and how it is started. */
    enum Release {
        V1_16("1.16.9", "/usr/games/wesnoth-1.16", false),
        V1_18("1.18.5", "/usr/games/wesnoth-1.18", true);

        final String version;
        final String binary;
        private final boolean inChroot;

        Release(String version, String binary, boolean inChroot) {
            this.version = version;
            this.binary = binary;
            this.inChroot = inChroot;
        }

        /** The command that starts the binary for a client whose files are all under {@code workDir}. */
        List<String> command(Path workDir) {
            if (inChroot) {
                return TrixieChroot.command(binary, workDir);
            }
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: apt-get install wesnoth-1.16-core "
                        + "(.ci/run installs it)");
            }
            return List.of(binary);
        }
    }

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
        return start(Release.V1_16, workDir, launch, name, plugin, values);
    }

    /** As {@link #start(Path, int, String, String, Map)} with the client of {@code release}. */
    static RealClient start(Release release, Path workDir, int port, String name, String plugin,
            Map<String, String> values) throws IOException {
        return start(release, workDir, Launch.local(port), name, plugin, values);
    }

    /** Starts the client of {@code release}, reaching the server as {@code launch} says. */
    static RealClient start(Release release, Path workDir, Launch launch, String name, String plugin,
            Map<String, String> values) throws IOException {
        workDir = workDir.toAbsolutePath();
        Path home = Files.createDirectories(workDir.resolve(name));
        String script = resource(plugin);
        for (Map.Entry<String, String> value : values.entrySet()) {
            script = script.replace("@" + value.getKey() + "@", value.getValue());
        }
        Path scriptFile = home.resolve(plugin);
        Files.writeString(scriptFile, script);
        Path output = home.resolve("client.txt");
        List<String> command = new ArrayList<>(launch.wrapper());
        command.addAll(release.command(workDir));
        command.addAll(List.of("--plugin=" + scriptFile, "--server=" + launch.server(),
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
