package org.tavern.lobby.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tavern.api.PluginState;
import org.tavern.api.PluginStates;

/** The state of every plugin filter, rule and listener the lobby calls, as a service (admin's plugins list). */
@Component(service = PluginStates.class)
public final class PluginStatesService implements PluginStates {

    private final LobbyHandle running;

    @Activate
    public PluginStatesService(@Reference LobbyHandle running) {
        this.running = running;
    }

    @Override
    public List<PluginState> plugins() {
        return running.plugins().states();
    }
}
