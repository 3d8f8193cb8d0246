package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH console as an owner uses it, through Apache SSHD's client (and Debian's OpenSSH client with
 * an Ed25519 key): a key from etc/authorized_keys
 * and a moderator's password run {@code tavern:version} (as a command and in the interactive
 * shell); a wrong key, a wrong password and a player who is no moderator are refused; an address
 * that failed too often is refused even with the right password; commands are logged with their
 * secrets redacted.
 */
class SshConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private SshClient client;

    @BeforeEach
    void startClient() {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterEach
    void stopClient() {
        client.stop();
    }

    @Test
    void keysAndModeratorPasswordsOpenTheConsoleAndNothingElseDoes() throws Exception {
        Path home = Files.createDirectories(temp.resolve("server"));
        Files.createDirectories(home.resolve("etc"));
        int sshPort = freePort();
        Files.writeString(home.resolve("etc/tavern.ssh.cfg"),
                "port=" + sshPort + "\nfailed.login.limit=3\nmax.sessions=3\n");
        KeyPair owner = ecKey();
        Files.writeString(home.resolve("etc/authorized_keys"), PublicKeyEntry.toString(owner.getPublic()) + " owner\n");
        try (ServerProcess server = ServerProcess.start(home, true, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("SSH console listening on 127.0.0.1:" + sshPort), WAIT, "the SSH console");
            // the account commands appear once the identity store is open, which may follow "Tavern started"
            server.awaitShellOutput("tavern:register -h", out -> out.contains("usage: tavern:register"), WAIT);
            assertTrue(server.shellOutput("tavern:register boss - boss-pw").contains("Registered boss"));
            server.shellOutput("tavern:account boss moderator yes");
            assertTrue(server.shellOutput("tavern:register pleb - pleb-pw").contains("Registered pleb"));

            // a listed key, under any user name
            try (ClientSession session = connect("owner", sshPort)) {
                session.addPublicKeyIdentity(owner);
                session.auth().verify(WAIT);
                assertTrue(session.executeRemoteCommand("tavern:version").startsWith("Tavern "));
                assertTrue(session.executeRemoteCommand("tavern:passwd pleb s3cret-ssh").contains("Password of pleb set"));
                // a failing command: exit status 1 and its error
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                IOException failed = assertThrows(IOException.class, () -> session.executeRemoteCommand(
                        "no:such-command", out, err, StandardCharsets.UTF_8));
                assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: "), err + " / " + failed);
            }
            // a moderator's password, and the interactive shell with a terminal
            try (ClientSession session = connect("boss", sshPort)) {
                session.addPasswordIdentity("boss-pw");
                session.auth().verify(WAIT);
                assertTrue(session.executeRemoteCommand("tavern:version").startsWith("Tavern "));
                try (ChannelShell shell = session.createShellChannel()) {
                    PipedOutputStream keyboard = new PipedOutputStream();
                    shell.setIn(new PipedInputStream(keyboard));
                    ByteArrayOutputStream screen = new ByteArrayOutputStream();
                    shell.setOut(screen);
                    shell.setErr(screen);
                    shell.open().verify(WAIT);
                    awaitText(screen, text -> text.contains("g! "), "the prompt");
                    type(keyboard, "tavern:version\r");
                    awaitText(screen, text -> text.contains("Tavern ") && text.contains("protocol"), "tavern:version");
                    type(keyboard, "tavern:passwd pleb s3cret-shell\r");
                    awaitText(screen, text -> text.contains("Password of pleb set"), "tavern:passwd");
                    // "exit 0" leaves the session; on the terminal it would be System.exit
                    type(keyboard, "exit 0\r");
                    // the server ends the shell: its exit status arrives (the channel itself closes once
                    // the client stops sending the keyboard)
                    shell.waitFor(java.util.EnumSet.of(org.apache.sshd.client.channel.ClientChannelEvent.EXIT_STATUS,
                            org.apache.sshd.client.channel.ClientChannelEvent.CLOSED), WAIT);
                    assertEquals(Integer.valueOf(0), shell.getExitStatus(),
                            "exit ends the SSH shell:\n" + screen.toString(StandardCharsets.UTF_8));
                    keyboard.close();
                    assertTrue(server.process.isAlive(), "exit 0 over SSH does not stop the server");
                }
            }
            // refused: an unknown key, a wrong password, a player who is no moderator
            assertRefused("owner", sshPort, session -> session.addPublicKeyIdentity(ecKey()));
            assertRefused("boss", sshPort, session -> session.addPasswordIdentity("wrong"));
            assertRefused("boss", sshPort, session -> session.addPasswordIdentity("wrong again"));
            assertRefused("pleb", sshPort, session -> session.addPasswordIdentity("s3cret-shell"));
            // three failures from this address: now even the right password is refused, a key is not
            assertRefused("boss", sshPort, session -> session.addPasswordIdentity("boss-pw"));
            try (ClientSession session = connect("owner", sshPort)) {
                session.addPublicKeyIdentity(owner);
                session.auth().verify(WAIT);
                assertTrue(session.executeRemoteCommand("tavern:version").startsWith("Tavern "));
            }

            String log = server.awaitConsole(t -> t.contains("SSH session boss@127.0.0.1 runs: tavern:passwd pleb ****"),
                    WAIT, "the shell's command in the log");
            assertTrue(log.contains("SSH session owner@127.0.0.1 runs: tavern:version"), log);
            assertTrue(log.contains("SSH session owner@127.0.0.1 runs: tavern:passwd pleb ****"), log);
            assertTrue(log.contains("SSH session boss@127.0.0.1 runs: tavern:version"), log);
            assertTrue(log.contains("SSH password login of pleb from 127.0.0.1 refused"), log);
            assertTrue(log.contains("refused: too many failed logins from there"), log);
            server.terminate(Duration.ofSeconds(60));
        }
        String log = Files.readString(home.resolve("logs/tavern.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("s3cret"), "the log holds a password");
        assertFalse(log.contains("boss-pw"), "the log holds a password");
    }

    @Test
    void theSessionCountIsBoundedAndPortZeroTurnsTheConsoleOff() throws Exception {
        Path home = Files.createDirectories(temp.resolve("server"));
        Files.createDirectories(home.resolve("etc"));
        int sshPort = freePort();
        Files.writeString(home.resolve("etc/tavern.ssh.cfg"), "port=" + sshPort + "\nmax.sessions=2\nidle.timeout.seconds=3\n");
        KeyPair owner = ecKey();
        Files.writeString(home.resolve("etc/authorized_keys"), PublicKeyEntry.toString(owner.getPublic()) + "\n");
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("SSH console listening on"), WAIT, "the SSH console");
            try (ClientSession first = connect("a", sshPort); ClientSession second = connect("b", sshPort)) {
                first.addPublicKeyIdentity(owner);
                first.auth().verify(WAIT);
                second.addPublicKeyIdentity(owner);
                second.auth().verify(WAIT);
                assertRefused("c", sshPort, session -> session.addPublicKeyIdentity(owner));
                // silent sessions are closed after the idle timeout
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (first.isOpen() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertFalse(first.isOpen(), "an idle session is closed");
            }
            // once those are closed, a new session is let in
            try (ClientSession third = connect("c", sshPort)) {
                third.addPublicKeyIdentity(owner);
                third.auth().verify(WAIT);
                assertTrue(third.executeRemoteCommand("tavern:version").startsWith("Tavern "));
            }
            Files.writeString(home.resolve("etc/tavern.ssh.cfg"), "port=0\n");
            server.awaitConsole(t -> t.contains("SSH console off (port 0"), WAIT, "the console turned off");
            assertThrows(IOException.class, () -> connect("a", sshPort));
        }
    }

    /** Debian's OpenSSH client with an Ed25519 key, as an owner logs in. */
    @Test
    void openSshLogsInWithAnEd25519Key() throws Exception {
        Path home = Files.createDirectories(temp.resolve("server"));
        Files.createDirectories(home.resolve("etc"));
        int sshPort = freePort();
        Files.writeString(home.resolve("etc/tavern.ssh.cfg"), "port=" + sshPort + "\n");
        Path key = temp.resolve("id_ed25519");
        Path stranger = temp.resolve("stranger");
        for (Path file : List.of(key, stranger)) {
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", file.toString())
                    .redirectErrorStream(true).start();
            assertTrue(keygen.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, keygen.exitValue(), new String(keygen.getInputStream().readAllBytes()));
        }
        Files.copy(temp.resolve("id_ed25519.pub"), home.resolve("etc/authorized_keys"));
        try (ServerProcess server = ServerProcess.start(home, false, "-p", "0")) {
            server.awaitStarted();
            server.awaitConsole(t -> t.contains("SSH console listening on"), WAIT, "the SSH console");
            String[] ok = openSsh(key, sshPort, "tavern:version");
            assertEquals("0", ok[0], ok[1]);
            assertTrue(ok[1].startsWith("Tavern "), ok[1]);
            String[] refused = openSsh(stranger, sshPort, "tavern:version");
            assertEquals("255", refused[0], refused[1]);
            assertTrue(refused[1].contains("Permission denied"), refused[1]);
        }
    }

    /** Runs {@code ssh} with only this key and no user configuration; answers its exit status and output. */
    private static String[] openSsh(Path key, int port, String command) throws Exception {
        Process ssh = new ProcessBuilder("ssh", "-F", "/dev/null", "-i", key.toString(), "-p", String.valueOf(port),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "admin@127.0.0.1", command)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ssh.waitFor(30, TimeUnit.SECONDS), "ssh ends");
        return new String[] {String.valueOf(ssh.exitValue()), output};
    }

    private interface Identity {
        void add(ClientSession session) throws Exception;
    }

    private void assertRefused(String user, int port, Identity identity) throws Exception {
        try (ClientSession session = connect(user, port)) {
            identity.add(session);
            assertThrows(IOException.class, () -> session.auth().verify(WAIT), user + " must be refused");
        } catch (IOException closedByServer) {
            // refused before authenticating (the session bound): refused all the same
        }
    }

    private ClientSession connect(String user, int port) throws IOException {
        return client.connect(user, "127.0.0.1", port).verify(WAIT).getSession();
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void type(OutputStream keyboard, String text) throws IOException {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static void awaitText(ByteArrayOutputStream screen, Predicate<String> condition, String what)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.test(screen.toString(StandardCharsets.UTF_8))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " on the SSH screen:\n" + screen.toString(StandardCharsets.UTF_8));
    }
}
