package org.tavern.admin.internal.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.tavern.api.CommandIssuer;
import org.tavern.api.Permission;
import org.tavern.transport.ConnectionHandler;
import org.tavern.transport.HandoverHolder;

/** The command's refusals, failures and roll-backs, each one line, and the upgrade flag always lowered again. */
class UpgradeCommandTest {

    @TempDir
    Path temp;

    /** A holder that records what was asked of it. */
    private static final class RecordingHolder implements HandoverHolder {
        boolean underWay;
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean beginUpgrade() {
            calls.add("begin");
            if (underWay) {
                return false;
            }
            underWay = true;
            return true;
        }

        @Override
        public boolean beginUnattended() {
            calls.add("beginUnattended");
            return beginUpgrade();
        }

        @Override
        public void tookOver() {
            calls.add("tookOver");
        }

        @Override
        public boolean upgradeUnderWay() {
            return underWay;
        }

        @Override
        public void keep(byte[] snapshot) {
            calls.add("keep");
        }

        @Override
        public Optional<byte[]> kept() {
            return Optional.of(new byte[] {1});
        }

        @Override
        public void endUpgrade() {
            calls.add("end");
            underWay = false;
        }
    }

    /**
     * A bundle as the framework shows it: each update records the jar it was given and fails with the
     * next of {@code failures} (null: succeeds, and the bundle then registers its connection handler).
     */
    private static final class FakeBundle {
        final String name;
        final String location;
        final List<String> installed = new ArrayList<>();
        final Deque<Optional<BundleException>> failures = new ArrayDeque<>();
        boolean handler;
        int state = Bundle.ACTIVE;
        volatile String updatedOn;

        FakeBundle(String name, String location) {
            this.name = name;
            this.location = location;
        }

        Bundle proxy() {
            ServiceReference<?> handlerReference = (ServiceReference<?>) Proxy.newProxyInstance(
                    ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                    (p, method, args) -> method.getName().equals("getProperty")
                            ? new String[] {ConnectionHandler.class.getName()} : null);
            return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getSymbolicName" -> name;
                        case "getLocation" -> location;
                        case "getVersion" -> Version.parseVersion("0.1.0");
                        case "getBundleId" -> 7L;
                        case "getState" -> state;
                        case "getRegisteredServices" -> handler ? new ServiceReference<?>[] {handlerReference} : null;
                        case "update" -> {
                            updatedOn = Thread.currentThread().getName();
                            installed.add(new String(((InputStream) args[0]).readAllBytes()));
                            Optional<BundleException> failure = failures.isEmpty() ? Optional.empty() : failures.poll();
                            handler = failure.isEmpty();
                            if (failure.isPresent()) {
                                throw failure.get();
                            }
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static BundleContext context(Bundle... bundles) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles;
                    case "getServiceReference" -> null; // no transport, no component runtime
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The distribution's copy of the lobby ("running"), as a file URL location. */
    private FakeBundle lobby() throws Exception {
        Path running = temp.resolve("running.jar");
        Files.writeString(running, "running");
        return new FakeBundle("tavern.lobby", running.toUri().toString());
    }

    /** A jar whose manifest names {@code symbolicName}. */
    private Path bundleJar(String symbolicName) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        Path jar = temp.resolve(symbolicName + ".jar");
        Files.write(jar, bytes.toByteArray());
        return jar;
    }

    @Test
    void withoutTheLobbyBundleNothingIsStarted() {
        RecordingHolder holder = new RecordingHolder();
        assertEquals("Upgrade refused: no tavern.lobby bundle is installed.", new UpgradeCommand(context(), holder).upgrade());
        assertEquals(List.of(), holder.calls);
    }

    @Test
    void aSecondUpgradeIsRefusedAndTheFirstIsLeftAlone() throws Exception {
        FakeBundle lobby = lobby();
        RecordingHolder holder = new RecordingHolder();
        holder.underWay = true;
        assertEquals("Upgrade refused: another upgrade is under way.",
                new UpgradeCommand(context(lobby.proxy()), holder).upgrade());
        assertEquals(List.of(), lobby.installed, "the lobby is not touched");
        assertTrue(holder.underWay, "the running upgrade keeps its flag");
    }

    @Test
    void aStoppedLobbyWhoseStateWaitsIsToBeStartedFirst() throws Exception {
        FakeBundle lobby = lobby();
        lobby.state = Bundle.RESOLVED;
        RecordingHolder holder = new RecordingHolder();
        holder.underWay = true; // the stopped lobby's unattended handover
        assertEquals("Upgrade refused: tavern.lobby is stopped and its state waits for it: start it again first (start 7).",
                new UpgradeCommand(context(lobby.proxy()), holder).upgrade());
        assertEquals(List.of(), lobby.installed);
        assertTrue(holder.underWay, "the state still waits");
    }

    @Test
    void withoutArgumentTheLobbyIsReplacedWithItself() throws Exception {
        FakeBundle lobby = lobby();
        RecordingHolder holder = new RecordingHolder();
        String answer = new UpgradeCommand(context(lobby.proxy()), holder).upgrade();
        assertTrue(answer.startsWith("Upgraded tavern.lobby 0.1.0 (bundle 7): 0 connections carried over, pause "), answer);
        assertEquals(List.of("running"), lobby.installed);
        assertEquals(List.of("begin", "end"), holder.calls);
    }

    @Test
    void aLobbyThatDoesNotStartIsRolledBackToTheJarThatRanInOneLine() throws Exception {
        FakeBundle lobby = lobby();
        lobby.failures.add(Optional.of(new BundleException("Activator start error in bundle tavern.lobby [7].\nmore")));
        RecordingHolder holder = new RecordingHolder();
        Path broken = bundleJar("tavern.lobby");
        String answer = new UpgradeCommand(context(lobby.proxy()), holder).upgrade(broken.toString());
        assertEquals("Upgrade failed, rolled back: Activator start error in bundle tavern.lobby [7].; 0 connections carried"
                + " over", answer);
        assertEquals(2, lobby.installed.size());
        assertEquals("running", lobby.installed.get(1), "the jar that ran before is installed again");
        assertEquals(List.of("begin", "end"), holder.calls, "the state is kept until the roll-back took it over");
        assertFalse(holder.underWay);
    }

    @Test
    void aRollBackThatFailsTooSaysBoth() throws Exception {
        FakeBundle lobby = lobby();
        lobby.failures.add(Optional.of(new BundleException("Unresolved constraint")));
        lobby.failures.add(Optional.of(new BundleException("disk full")));
        String answer = new UpgradeCommand(context(lobby.proxy()), new RecordingHolder()).upgrade();
        assertEquals("Upgrade failed: Unresolved constraint; the roll-back failed too: disk full", answer);
    }

    @Test
    void theNextUpgradeWithoutArgumentKeepsTheJarThatRanLast() throws Exception {
        FakeBundle lobby = lobby();
        UpgradeCommand command = new UpgradeCommand(context(lobby.proxy()), new RecordingHolder());
        Path newer = bundleJar("tavern.lobby");
        command.upgrade(newer.toString());
        command.upgrade();
        assertEquals(lobby.installed.get(0), lobby.installed.get(1), "itself is the jar now running, not the distribution's");
    }

    @Test
    void thePortalAndOtherBundlesAreRefusedByName() throws Exception {
        UpgradeCommand command = new UpgradeCommand(context(lobby().proxy()), new RecordingHolder());
        assertEquals("Upgrade refused: tavern.transport is the portal, which holds the connections: it is updated only"
                + " by a restart.", command.upgrade(bundleJar("tavern.transport").toString()));
        assertEquals("Upgrade refused: tavern.api is not a bundle tavern:upgrade replaces (so far: tavern.lobby).",
                command.upgrade(bundleJar("tavern.api").toString()));
        Path notABundle = temp.resolve("notes.txt");
        Files.writeString(notABundle, "hello");
        assertTrue(command.upgrade(notABundle.toString()).startsWith("Upgrade refused: "));
        assertEquals("Upgrade refused: " + temp.resolve("missing.jar") + " is not a file",
                command.upgrade(temp.resolve("missing.jar").toString()));
    }

    @Test
    void aJarTheDistributionDoesNotHoldIsNamed() {
        FakeBundle lobby = new FakeBundle("tavern.lobby", "jar/missing.jar");
        RecordingHolder holder = new RecordingHolder();
        assertEquals("Upgrade failed: tavern.lobby could not be replaced: its jar (jar/missing.jar) is not in the"
                + " distribution", new UpgradeCommand(context(lobby.proxy()), holder).upgrade());
        assertEquals(List.of(), lobby.installed);
        assertFalse(holder.underWay);
    }

    @Test
    void onlyTheConsoleMayAndItRunsOffTheCallersThread() throws Exception {
        FakeBundle lobby = lobby();
        UpgradeCommand command = new UpgradeCommand(context(lobby.proxy()), new RecordingHolder());
        assertEquals(Permission.CONSOLE, command.permission());
        String answer = command.execute(CommandIssuer.fromConsole(), "  ").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(answer.startsWith("Upgraded tavern.lobby"), answer);
        assertEquals(List.of("running"), lobby.installed);
        assertEquals("tavern-upgrade", lobby.updatedOn, "not the console's thread");
        command.deactivate();
    }

    @Test
    void anOptionGetsTheUsage() {
        assertTrue(new UpgradeCommand(context(), new RecordingHolder()).upgrade("-h").startsWith("usage: tavern:upgrade"));
    }
}
