package org.tavern.admin.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.AdminCommand;

/**
 * Puts every {@link AdminCommand} service into the Gogo shell as {@code tavern:<name>} (and its
 * aliases), the server's own and plugins' alike, as they come and go. Names taken otherwise are left
 * out: {@code help} (the shell's own, which must stay unambiguous) and {@code games}
 * ({@code tavern:games} lists the games and ends with wesnothd's summary, see {@link DirectoryCommands}).
 */
@Component(immediate = true)
public class AdminCommandShell {

    private static final Logger LOG = LoggerFactory.getLogger(AdminCommandShell.class);

    /** Gogo's own commands an admin command must not shadow when typed without a scope. */
    static final List<String> RESERVED = List.of("help", "games");

    private final BundleContext context;
    private final Map<AdminCommand, ServiceRegistration<Function>> registrations = new HashMap<>();

    @Activate
    public AdminCommandShell(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addCommand(AdminCommand command) {
        register(command);
    }

    synchronized void removeCommand(AdminCommand command) {
        ServiceRegistration<Function> registration = registrations.remove(command);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered with a stopping bundle
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        for (AdminCommand command : new ArrayList<>(registrations.keySet())) {
            removeCommand(command);
        }
    }

    private void register(AdminCommand command) {
        List<String> names = new ArrayList<>();
        names.add(command.name());
        names.addAll(command.aliases());
        names.removeAll(RESERVED);
        if (names.isEmpty()) {
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", "tavern");
        properties.put("osgi.command.function", names.toArray(String[]::new));
        registrations.put(command, context.registerService(Function.class, new GogoAdminCommand(command), properties));
        LOG.debug("Admin command {} available as tavern:{}", command.name(), names);
    }
}
