package org.tavern.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace joined to this machine by a veth pair, in which a real client resolves
 * {@link #SERVER_NAME} to this machine's end of the pair.
 *
 * <p>Why: the real 1.16 client asks for TLS only when the server's host is a name, not a numeric
 * address, and the connected endpoint is not loopback. A test on one machine therefore needs a
 * non-loopback address with a name, and changing the machine's own {@code /etc/hosts} or interfaces is
 * not a test's business. {@code ip netns exec} gives the namespace its own {@code /etc/hosts} from
 * {@code /etc/netns/NAME/hosts}, so nothing outside the namespace changes, and {@link #close()} removes
 * it all (deleting the namespace deletes both ends of the pair). Needs root, as CI has.
 */
final class ClientNamespace implements AutoCloseable {

    static final String SERVER_NAME = "tavern.test";

    final String name;
    /** This machine's end of the pair: where the namespace reaches a server listening on all addresses. */
    final String serverAddress;
    private final Path etcDirectory;

    private ClientNamespace(String name, String serverAddress, Path etcDirectory) {
        this.name = name;
        this.serverAddress = serverAddress;
        this.etcDirectory = etcDirectory;
    }

    static ClientNamespace create() throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        String name = "tavern-it-" + pid;
        // A /30 of 10.214.0.0/16 per test JVM, so that concurrent runs on one machine do not collide.
        int subnet = (int) (pid % 16_000) * 4;
        String prefix = "10.214." + (subnet / 256) + ".";
        String hostAddress = prefix + (subnet % 256 + 1);
        String clientAddress = prefix + (subnet % 256 + 2);
        String hostEnd = "tvh" + pid % 1_000_000;
        String clientEnd = "tvc" + pid % 1_000_000;
        Path etc = Path.of("/etc/netns", name);
        ClientNamespace namespace = new ClientNamespace(name, hostAddress, etc);
        try {
            run("ip", "netns", "add", name);
            run("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", clientEnd);
            run("ip", "link", "set", clientEnd, "netns", name);
            run("ip", "addr", "add", hostAddress + "/30", "dev", hostEnd);
            run("ip", "link", "set", hostEnd, "up");
            run("ip", "netns", "exec", name, "ip", "addr", "add", clientAddress + "/30", "dev", clientEnd);
            run("ip", "netns", "exec", name, "ip", "link", "set", clientEnd, "up");
            run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n" + hostAddress + " " + SERVER_NAME + "\n");
            return namespace;
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    /** The command prefix that runs a program inside the namespace. */
    List<String> wrapper() {
        return List.of("ip", "netns", "exec", name);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + output + " (this test needs root and iproute2 to make a network namespace)");
        }
    }

    @Override
    public void close() {
        List<String> problems = new ArrayList<>();
        try {
            run("ip", "netns", "delete", name);
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(etcDirectory.resolve("hosts"));
            Files.deleteIfExists(etcDirectory);
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            System.err.println("ClientNamespace " + name + " clean-up: " + problems);
        }
    }
}
