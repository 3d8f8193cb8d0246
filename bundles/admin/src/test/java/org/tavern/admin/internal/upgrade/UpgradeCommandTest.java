package org.tavern.admin.internal.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.tavern.transport.HandoverHolder;

/** The command's refusals and failures, each one line, and the upgrade flag always lowered again. */
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
        public boolean upgradeUnderWay() {
            return underWay;
        }

        @Override
        public void keep(byte[] snapshot) {
            calls.add("keep");
        }

        @Override
        public Optional<byte[]> kept() {
            return Optional.empty();
        }

        @Override
        public void endUpgrade() {
            calls.add("end");
            underWay = false;
        }
    }

    /** A bundle answering its name and location; update records the call and throws what it is given. */
    private static Bundle bundle(String name, String location, List<String> updates, BundleException failure) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> name;
                    case "getLocation" -> location;
                    case "update" -> {
                        updates.add(name);
                        if (failure != null) {
                            throw failure;
                        }
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BundleContext context(Bundle... bundles) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void withoutTheLobbyBundleNothingIsStarted() {
        RecordingHolder holder = new RecordingHolder();
        String answer = new UpgradeCommand(context(), holder).upgrade();
        assertEquals("Upgrade refused: no tavern.lobby bundle is installed.", answer);
        assertEquals(List.of(), holder.calls);
    }

    @Test
    void aSecondUpgradeIsRefusedAndTheFirstIsLeftAlone() throws Exception {
        List<String> updates = new ArrayList<>();
        RecordingHolder holder = new RecordingHolder();
        holder.underWay = true;
        String answer = new UpgradeCommand(context(bundle("tavern.lobby", jar(), updates, null)), holder).upgrade();
        assertEquals("Upgrade refused: another upgrade is under way.", answer);
        assertEquals(List.of(), updates, "the lobby is not touched");
        assertTrue(holder.underWay, "the running upgrade keeps its flag");
    }

    @Test
    void aFailedUpdateSaysWhyInOneLineAndEndsTheUpgrade() throws Exception {
        List<String> updates = new ArrayList<>();
        RecordingHolder holder = new RecordingHolder();
        Bundle lobby = bundle("tavern.lobby", jar(), updates, new BundleException("Unresolved constraint"));
        String answer = new UpgradeCommand(context(bundle("tavern.wml", jar(), updates, null), lobby), holder).upgrade();
        assertEquals("Upgrade failed: tavern.lobby could not be replaced: Unresolved constraint", answer);
        assertEquals(List.of("tavern.lobby"), updates, "only the lobby is updated");
        assertEquals(List.of("begin", "end"), holder.calls);
        assertFalse(holder.underWay);
    }

    @Test
    void aJarTheDistributionDoesNotHoldIsNamed() {
        List<String> updates = new ArrayList<>();
        RecordingHolder holder = new RecordingHolder();
        String answer = new UpgradeCommand(context(bundle("tavern.lobby", "jar/missing.jar", updates, null)), holder)
                .upgrade();
        assertEquals("Upgrade failed: tavern.lobby could not be replaced: its jar (jar/missing.jar) is not in the"
                + " distribution", answer);
        assertEquals(List.of(), updates);
        assertFalse(holder.underWay);
    }

    @Test
    void anArgumentGetsTheUsage() {
        assertTrue(new UpgradeCommand(context(), new RecordingHolder()).upgrade("-h").startsWith("usage: tavern:upgrade"));
    }

    private String jar() throws Exception {
        Path jar = temp.resolve("lobby.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        return jar.toUri().toString();
    }
}
