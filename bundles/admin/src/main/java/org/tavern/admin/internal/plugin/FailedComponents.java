package org.tavern.admin.internal.plugin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Plugin components whose activation threw: the bundle started, but Declarative Services could not
 * activate a component of it (a bad configuration, a missing file), so the lobby does without it.
 * SCR logs the exception with its stack trace; this says once per component and jar which plugin it
 * was and why, in a line like the {@link PluginStarter}'s. Owned by the starter's thread.
 */
final class FailedComponents {

    /** Per bundle: the revision (last-modified stamp) last looked at, and the components reported for it. */
    private final Map<Long, Map.Entry<Long, Set<String>>> reported = new HashMap<>();

    /** Half-lines ({@code component <name> failed to activate: <exception>}) newly found for the bundle. */
    List<String> newlyFailed(ServiceComponentRuntime runtime, Bundle bundle) {
        List<String> found = new ArrayList<>();
        Map.Entry<Long, Set<String>> seen = reported.get(bundle.getBundleId());
        if (seen == null || seen.getKey() != bundle.getLastModified()) {
            seen = Map.entry(bundle.getLastModified(), new HashSet<>());
            reported.put(bundle.getBundleId(), seen);
        }
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                        && seen.getValue().add(description.name)) {
                    found.add("component " + description.name + " failed to activate: " + firstLine(configuration.failure));
                }
            }
        }
        return found;
    }

    /** Forgets bundles no longer installed. */
    void retainOnly(Set<Long> bundleIds) {
        reported.keySet().retainAll(bundleIds);
    }

    /** The DTO's failure is a whole stack trace: its first line names the exception and its message. */
    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        return StartFailureReason.oneLine(failure.strip().lines().findFirst().orElse(""));
    }
}
