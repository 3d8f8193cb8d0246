package org.tavern.lobby.internal;

import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.plugin.Plugins;

/**
 * The running lobby as this bundle's own components reach it: {@link LobbyServer} provides it, and
 * the directory, the plugin states and the built-in admin commands are DS components that reference
 * it. The type is private to the bundle, so no other bundle can bind it.
 */
public interface LobbyHandle {

    Lobby lobby();

    Plugins plugins();
}
