package org.tavern.distribution;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.tavern.api.LobbyDirectory;
import org.tavern.api.PlayerInfo;
import org.tavern.api.PluginStates;
import org.tavern.transport.Transport;
import org.tavern.wml.Document;

/**
 * The example plugins installed, updated and uninstalled through the OSGi API in a Pax Exam container
 * running Tavern's bundles, while test clients are logged in and a game relays a numbered speak every
 * 20 ms: nobody is disconnected, no speak is lost or reordered, and each plugin's behaviour switches
 * between the call that hands the bundle over and the lobby's plugin states showing it (the same
 * {@link ExamplePluginsScenario} as {@link PluginLifecycleIT} runs through FileInstall in tavern.jar).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginBundlesIT {

    private static final String LOCATION_PREFIX = "tavern-it-plugin:";

    @Inject
    BundleContext context;

    @Inject
    Transport transport;

    @Inject
    LobbyDirectory directory;

    @Inject
    PluginStates states;

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return TavernBundlesIT.withBundles(TavernBundlesIT.RUNTIME_BUNDLES);
    }

    @Test
    public void everyExamplePluginComesChangesAndGoesWhileAGameRelaysTurns() throws Exception {
        // the scenario's probes send more lobby requests, from more players on one address, than the defaults allow
        configure("tavern.lobby", Map.of("max.messages", 100_000, "connections.allowed", 0));
        configure("tavern.transport", Map.of("connections.per.address", 0));
        int port = transport.port();
        Path work = Files.createTempDirectory("plugin-bundles-it");
        try (RelayedGame game = RelayedGame.start(port, ExamplePluginsScenario.SPEAK, true);
                ProtocolClient asker = ProtocolClient.loggedIn("asker", port)) {
            new ExamplePluginsScenario(new BundleDeployment(), work, port).run(game, asker);

            game.stopAndCheckEverythingArrivedInOrder();
            // Without FileInstall's polling the scenario may take well under a second, so no count of
            // speaks is expected: the scenario waited, after each change, for a speak sent after it.
            assertFalse("the game relayed", game.ticksOf(game.join).isEmpty());
            for (ProtocolClient client : List.of(game.host, game.join, game.watcher, asker)) {
                for (Document document : client.sync()) {
                    assertNull(client.name + " was sent " + document, document.root().child("error"));
                }
            }
            Set<String> online = directory.players().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                    .map(PlayerInfo::name).collect(Collectors.toSet());
            assertTrue("nobody was disconnected: " + online, online.containsAll(List.of("host", "join", "watcher", "asker")));
        }
        assertTrue("every example bundle is gone", installedPlugins().isEmpty());
    }

    /** Sets configuration properties and waits until the component configured by {@code pid} runs with them. */
    private void configure(String pid, Map<String, Object> values) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        for (Map.Entry<String, Object> value : values.entrySet()) {
            properties.put(value.getKey(), value.getValue());
        }
        configuration.update(properties);
        long end = System.nanoTime() + ExamplePluginsScenario.DEADLINE.toNanos();
        while (!applied(pid, values)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(pid + " never ran with " + values);
            }
            Thread.sleep(50);
        }
    }

    private boolean applied(String pid, Map<String, Object> values) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!List.of(description.configurationPid).contains(pid)) {
                continue;
            }
            for (ComponentConfigurationDTO running : scr.getComponentConfigurationDTOs(description)) {
                if (running.state == ComponentConfigurationDTO.ACTIVE && values.entrySet().stream()
                        .allMatch(value -> value.getValue().equals(running.properties.get(value.getKey())))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Bundle> installedPlugins() {
        return List.of(context.getBundles()).stream().filter(b -> b.getLocation().startsWith(LOCATION_PREFIX)).toList();
    }

    /**
     * Installs and starts, updates (then refreshes, as FileInstall does) and uninstalls bundles through
     * the framework; the lobby's {@link PluginStates} stands for {@code tavern:pluginstatus}.
     */
    private final class BundleDeployment implements ExamplePluginsScenario.Deployment {

        @Override
        public void put(Path jar, String name) throws Exception {
            Bundle installed = context.getBundle(LOCATION_PREFIX + name);
            try (InputStream in = Files.newInputStream(jar)) {
                if (installed == null) {
                    context.installBundle(LOCATION_PREFIX + name, in).start();
                } else {
                    installed.update(in);
                    refresh(installed);
                }
            }
        }

        @Override
        public void remove(String name) throws Exception {
            Bundle installed = context.getBundle(LOCATION_PREFIX + name);
            installed.uninstall();
            refresh(installed);
        }

        /** Drops the old revision at once, so that it never runs again after the call. */
        private void refresh(Bundle bundle) throws InterruptedException {
            CountDownLatch refreshed = new CountDownLatch(1);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Set.of(bundle), event -> {
                if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    refreshed.countDown();
                }
            });
            assertTrue("refreshed " + bundle, refreshed.await(30, TimeUnit.SECONDS));
        }

        @Override
        public void awaitStatus(Predicate<String> condition) throws Exception {
            long end = System.nanoTime() + ExamplePluginsScenario.DEADLINE.toNanos();
            String status;
            while (!condition.test(status = status())) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the lobby's plugins are still:\n" + status);
                }
                Thread.sleep(50);
            }
        }

        private String status() {
            return states.plugins().stream()
                    .map(plugin -> plugin.role() + " " + (plugin.switchedOff() ? "SWITCHED-OFF" : "active") + " "
                            + plugin.name())
                    .collect(Collectors.joining("\n"));
        }

        @Override
        public String listing() {
            return installedPlugins().stream().map(b -> b.getSymbolicName() + " " + b.getVersion())
                    .collect(Collectors.joining("\n")) + "\n" + status();
        }
    }
}
