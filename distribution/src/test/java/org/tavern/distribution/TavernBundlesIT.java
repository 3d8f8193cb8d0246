package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
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
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.tavern.identity.Accounts;
import org.tavern.identity.PasswordCheck;

/**
 * Boots the bundles this build produced in Felix (as they run in tavern.jar) and checks that every
 * Tavern component activates.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TavernBundlesIT {

    /** Bundles copied by maven-dependency-plugin into target/it-bundles (versions stripped). */
    static final String[] RUNTIME_BUNDLES = {
        "org.osgi.service.component", "org.osgi.util.function", "org.osgi.util.promise",
        "org.apache.felix.scr", "org.apache.felix.configadmin", "org.apache.felix.gogo.runtime",
        "org.apache.mina.core", "commons-compress",
        "tavern.wml", "tavern.api", "tavern.transport", "tavern.lobby", "tavern.admin",
        "com.h2database", "com.zaxxer.HikariCP", "org.postgresql.jdbc", "tavern.identity",
    };

    @Inject
    BundleContext context;

    @Inject
    ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return withBundles(RUNTIME_BUNDLES);
    }

    /** The runtime without the lobby, for tests that register their own connection handler. */
    static Option[] transportOnly() {
        return withBundles(java.util.Arrays.stream(RUNTIME_BUNDLES).filter(b -> !b.equals("tavern.lobby"))
                .toArray(String[]::new));
    }

    static Option[] withBundles(String... bundles) {
        File dir = new File(System.getProperty("it.bundles", "target/it-bundles"));
        List<Option> options = new ArrayList<>();
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(frameworkProperty("tavern.port").value("0"));
        // The identity store creates its H2 database in <home>/data. A home of its own per framework:
        // an H2 file still locked by an earlier test class's framework in this JVM must not fail this one.
        options.add(frameworkProperty("tavern.home").value(freshHome().getAbsolutePath()));
        for (String name : bundles) {
            File jar = new File(dir, mavenFileName(name) + ".jar");
            options.add(bundle(jar.toURI().toString()));
        }
        options.add(junitBundles());
        return options(options.toArray(new Option[0]));
    }

    private static File freshHome() {
        try {
            File parent = new File("target/it-homes");
            parent.mkdirs();
            return java.nio.file.Files.createTempDirectory(parent.toPath(), "home-").toFile();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** copy-dependencies names files by artifactId, which differs from some symbolic names. */
    private static String mavenFileName(String symbolicName) {
        return switch (symbolicName) {
            case "org.apache.mina.core" -> "mina-core";
            case "com.h2database" -> "h2";
            case "com.zaxxer.HikariCP" -> "HikariCP";
            case "org.postgresql.jdbc" -> "postgresql";
            default -> symbolicName;
        };
    }

    /**
     * The lobby offers its model and each admin command as services, and every admin command is a
     * Gogo function in scope tavern (polled: the admin bundle registers them as they appear).
     */
    @Test
    public void theLobbyModelAndTheAdminCommandsAreServices() throws Exception {
        assertTrue(serviceWithin(org.tavern.api.LobbyDirectory.class, 30).players().toCompletableFuture()
                .get(10, java.util.concurrent.TimeUnit.SECONDS).isEmpty());
        java.util.Set<String> commands = new java.util.TreeSet<>();
        for (ServiceReference<org.tavern.api.AdminCommand> reference
                : context.getServiceReferences(org.tavern.api.AdminCommand.class, null)) {
            commands.add(serviceWithin(reference, 30).name());
        }
        for (String name : List.of("kick", "ban", "kickban", "gban", "unban", "ungban", "bans", "msg", "pm",
                "adminmsg", "dul", "motd", "status", "clones", "searchlog", "stopgame", "sample", "help",
                "shut_down", "restart", "stats", "metrics", "requests", "games", "roll", "wml")) {
            assertTrue(name + " in " + commands, commands.contains(name));
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        java.util.Set<String> functions = new java.util.TreeSet<>();
        while (!functions.containsAll(List.of("kick", "kban", "searchlog", "sl", "users", "games", "game"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gogo functions in scope tavern: " + functions);
            }
            functions.clear();
            for (ServiceReference<?> reference : context.getServiceReferences((String) null,
                    "(osgi.command.scope=tavern)")) {
                Object names = reference.getProperty("osgi.command.function");
                functions.addAll(names instanceof String[] array ? List.of(array) : List.of(String.valueOf(names)));
            }
            Thread.sleep(20);
        }
        assertFalse("help stays the shell's own", functions.contains("help"));
    }

    @Test
    public void everyTavernBundleIsActive() {
        List<Bundle> tavern = tavernBundles();
        assertFalse("no tavern bundles installed", tavern.isEmpty());
        for (Bundle bundle : tavern) {
            assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void everyTavernComponentActivates() throws Exception {
        List<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(
                tavernBundles().toArray(new Bundle[0])).stream().collect(Collectors.toList());
        assertFalse("no tavern components found", descriptions.isEmpty());
        for (ComponentDescriptionDTO description : descriptions) {
            if (description.name.startsWith("org.tavern.admin.internal.ssh.")) {
                continue; // the SSH console needs Gogo's JLine shell, not in this runtime: SshConsoleIT runs it
            }
            // Delayed components activate on first use: ask for each service once.
            for (String service : description.serviceInterfaces) {
                for (ServiceReference<?> reference : context.getServiceReferences(service,
                        "(component.name=" + description.name + ")")) {
                    assertNotNull(description.name, serviceWithin(reference, 30));
                }
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                assertEquals(description.name + " " + configuration.failure, ComponentConfigurationDTO.ACTIVE,
                        configuration.state);
            }
        }
    }

    @Test
    public void theIdentityStoreRunsOnH2InTheHomeAndReportsItsCaches() throws Exception {
        Accounts accounts = serviceWithin(Accounts.class, 30);
        String nick = "it" + System.nanoTime() % 1_000_000;
        accounts.create(nick, "", "pw");
        assertEquals(PasswordCheck.OK, accounts.verify(nick, "pw"));
        assertTrue(new File(context.getProperty("tavern.home"), "data/tavern.mv.db").isFile());
        ServiceReference<?>[] caches = context.getServiceReferences((String) null, "(osgi.command.function=caches)");
        assertNotNull("tavern:caches is registered", caches);
        Object command = context.getService(caches[0]);
        String report = (String) command.getClass().getMethod("caches", String[].class).invoke(command,
                (Object) new String[0]);
        assertTrue(report, report.startsWith("CACHE") && report.contains("accounts"));
    }

    /** The service of the first registration of {@code type}, polled: a component may still be activating. */
    private <T> T serviceWithin(Class<T> type, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        ServiceReference<T> reference = context.getServiceReference(type);
        while (reference == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            reference = context.getServiceReference(type);
        }
        assertNotNull(type.getName() + " is registered", reference);
        return serviceWithin(reference, (int) Math.max(1,
                java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
    }

    /**
     * The service behind {@code reference}, polled until the deadline; SCR answers null while another
     * thread activates the component, and for good when activation failed, which the error then names.
     */
    private <T> T serviceWithin(ServiceReference<T> reference, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        T service = context.getService(reference);
        while (service == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            service = context.getService(reference);
        }
        if (service == null) {
            StringBuilder failures = new StringBuilder();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(
                    tavernBundles().toArray(new Bundle[0]))) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.failure != null) {
                        failures.append('\n').append(description.name).append(": ").append(configuration.failure);
                    }
                }
            }
            throw new AssertionError("no service behind " + reference + failures);
        }
        return service;
    }

    private List<Bundle> tavernBundles() {
        List<Bundle> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("tavern.")) {
                result.add(bundle);
            }
        }
        return result;
    }
}
