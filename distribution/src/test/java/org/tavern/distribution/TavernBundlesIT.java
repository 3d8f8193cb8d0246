package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
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
        "org.apache.felix.scr", "org.apache.felix.configadmin", "org.apache.felix.gogo.runtime", "org.apache.mina.core",
        "commons-compress",
        "tavern.wml", "tavern.transport", "tavern.lobby", "tavern.admin",
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
        for (String name : bundles) {
            File jar = new File(dir, mavenFileName(name) + ".jar");
            options.add(bundle(jar.toURI().toString()));
        }
        options.add(junitBundles());
        return options(options.toArray(new Option[0]));
    }

    /** copy-dependencies names files by artifactId; MINA's artifactId differs from its symbolic name. */
    private static String mavenFileName(String symbolicName) {
        return symbolicName.equals("org.apache.mina.core") ? "mina-core" : symbolicName;
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
            // Delayed components activate on first use: ask for each service once.
            for (String service : description.serviceInterfaces) {
                for (ServiceReference<?> reference : context.getServiceReferences(service,
                        "(component.name=" + description.name + ")")) {
                    assertNotNull(description.name, context.getService(reference));
                }
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                assertEquals(description.name + " " + configuration.failure, ComponentConfigurationDTO.ACTIVE,
                        configuration.state);
            }
        }
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
