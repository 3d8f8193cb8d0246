package org.tavern.admin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What Declarative Services made of the server's own components at one moment: how many are up
 * (active, or satisfied and waiting to be used), which failed to activate and why, which still wait
 * for a reference or a configuration, and whether the players' listener (the component offering
 * {@value #LISTENER_SERVICE}) is up. A bundle can be active while its components are not: the start-up
 * report counts both. {@code listenerFailure} is why the listener failed to activate, or null.
 */
record ServerComponents(int total, int up, List<String> failed, List<String> waiting, Listener listener,
        String listenerFailure) {

    static final String LISTENER_SERVICE = "org.tavern.transport.Transport";

    enum Listener { UP, FAILED, NOT_YET, ABSENT }

    static ServerComponents of(ServiceComponentRuntime runtime, List<Bundle> serverBundles) {
        int total = 0;
        int up = 0;
        List<String> failed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        Listener listener = Listener.ABSENT;
        String listenerReason = null;
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(serverBundles.toArray(new Bundle[0]))) {
            if (!runtime.isComponentEnabled(description)) {
                continue;
            }
            boolean isListener = description.serviceInterfaces != null
                    && Arrays.asList(description.serviceInterfaces).contains(LISTENER_SERVICE);
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                total++;
                String name = shortName(description.name);
                switch (configuration.state) {
                    case ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED -> up++;
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> failed.add(name + " (" + reason(configuration.failure) + ")");
                    default -> waiting.add(name);
                }
                if (isListener) {
                    if (configuration.state == ComponentConfigurationDTO.ACTIVE) {
                        listener = Listener.UP;
                    } else if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        listener = Listener.FAILED;
                        listenerReason = reason(configuration.failure);
                    } else if (listener == Listener.ABSENT) {
                        listener = Listener.NOT_YET;
                    }
                }
            }
        }
        return new ServerComponents(total, up, List.copyOf(failed), List.copyOf(waiting), listener, listenerReason);
    }

    /** "38 of 40 components up, failed: x (why), waiting: y". */
    String summary() {
        return up + " of " + total + " components up"
                + (failed.isEmpty() ? "" : ", failed: " + String.join(", ", failed))
                + (waiting.isEmpty() ? "" : ", waiting: " + String.join(", ", waiting));
    }

    /** org.tavern.transport.internal.TransportServer is TransportServer in one line of log. */
    private static String shortName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * The DTO's failure is a whole stack trace: the first exception in its chain that is not SCR's or
     * reflection's wrapper (a constructor's exception arrives as an InvocationTargetException), as its
     * message without the class name.
     */
    static String reason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        List<String> chain = failure.strip().lines()
                .filter(line -> !line.isEmpty() && !Character.isWhitespace(line.charAt(0)))
                .map(line -> line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line)
                .toList();
        String chosen = chain.stream().filter(line -> !WRAPPER.matcher(line).lookingAt()).findFirst()
                .orElse(chain.isEmpty() ? failure.strip() : chain.get(0));
        return chosen.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }

    private static final java.util.regex.Pattern WRAPPER = java.util.regex.Pattern.compile(
            "(java\\.lang\\.reflect\\.InvocationTargetException|org\\.osgi\\.service\\.component\\.ComponentException)\\b");
}
