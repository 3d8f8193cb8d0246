package org.tavern.admin.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

class FailedComponentsTest {

    private long lastModified = 1000;
    private final List<ComponentConfigurationDTO> configurations = new ArrayList<>();

    private final Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getBundleId" -> 41L;
                case "getLastModified" -> lastModified;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final ServiceComponentRuntime runtime = (ServiceComponentRuntime) Proxy.newProxyInstance(
            ServiceComponentRuntime.class.getClassLoader(), new Class<?>[] {ServiceComponentRuntime.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getComponentDescriptionDTOs" -> List.of(description("grumpy"));
                case "getComponentConfigurationDTOs" -> (Collection<ComponentConfigurationDTO>) configurations;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static ComponentDescriptionDTO description(String name) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        return description;
    }

    private void configuration(int state, String failure) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.failure = failure;
        configurations.add(configuration);
    }

    @Test
    void aComponentThatFailedToActivateIsReportedOncePerRevisionWithTheExceptionLine() {
        FailedComponents failed = new FailedComponents();
        configuration(ComponentConfigurationDTO.FAILED_ACTIVATION,
                "java.lang.IllegalArgumentException: banned.words is not set\n\tat broken.Grumpy.activate(Grumpy.java:3)\n");
        List<String> expected = List.of(
                "component grumpy failed to activate: java.lang.IllegalArgumentException: banned.words is not set");
        assertEquals(expected, failed.newlyFailed(runtime, bundle));
        assertEquals(List.of(), failed.newlyFailed(runtime, bundle), "once");
        lastModified = 2000; // the jar was updated: a new revision fails anew
        assertEquals(expected, failed.newlyFailed(runtime, bundle));
    }

    @Test
    void activeOrUnsatisfiedComponentsAreNotFailuresAndForgottenBundlesAreReportedAgain() {
        FailedComponents failed = new FailedComponents();
        configuration(ComponentConfigurationDTO.ACTIVE, null);
        configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, null);
        assertEquals(List.of(), failed.newlyFailed(runtime, bundle));
        configuration(ComponentConfigurationDTO.FAILED_ACTIVATION, null);
        assertEquals(List.of("component grumpy failed to activate: no reason given"), failed.newlyFailed(runtime, bundle));
        failed.retainOnly(Set.of());
        assertEquals(1, failed.newlyFailed(runtime, bundle).size(), "an uninstalled bundle's reports are forgotten");
    }
}
