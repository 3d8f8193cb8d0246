package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tavern.api.AdminCommand;
import org.tavern.lobby.internal.admin.ModeratorCommand;
import org.tavern.lobby.internal.admin.ModeratorCommands;

/**
 * The server's own moderator commands (kick, ban, status, ...) as {@link AdminCommand} services, one
 * each, named by {@code tavern.command.name}: DS makes and registers each as an instance of the
 * {@link ModeratorCommandService} factory component, and disposes of them when the lobby goes.
 */
@Component(immediate = true)
public final class BuiltInAdminCommands {

    private final List<ComponentInstance<AdminCommand>> instances = new ArrayList<>();

    @Activate
    public BuiltInAdminCommands(@Reference(target = "(component.factory=" + ModeratorCommandService.FACTORY + ")")
            ComponentFactory<AdminCommand> factory) {
        for (ModeratorCommand command : ModeratorCommands.builtIn()) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(ModeratorCommandService.NAME_PROPERTY, command.names().get(0));
            instances.add(factory.newInstance(properties));
        }
    }

    @Deactivate
    void deactivate() {
        instances.forEach(ComponentInstance::dispose);
        instances.clear();
    }
}
