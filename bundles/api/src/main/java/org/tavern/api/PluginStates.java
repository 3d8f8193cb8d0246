package org.tavern.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The lobby's plugins as a service, for consoles ({@code tavern:plugins}, {@code tavern:pluginstatus}):
 * every filter, rule and listener in calling order, with its calls, failures and whether it was
 * switched off. Cheap to ask: a snapshot of counters, no actor involved.
 */
@ProviderType
public interface PluginStates {

    List<PluginState> plugins();
}
