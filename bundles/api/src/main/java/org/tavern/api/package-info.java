/**
 * What Tavern offers to the rest of the framework: the lobby model as services (who is online, which
 * games run, the shared lobby document) and the administrator commands, which the server's own
 * commands and plugins' commands register alike so that {@code /query}, the Gogo shell and the fifo
 * all reach the same implementations; and the plugin SPI: {@link MessageFilter}s, {@link GameRule}s and
 * {@link LobbyListener}s, which the lobby calls with a time budget and switches off when they keep
 * failing ({@link PluginStates} tells how each fares).
 *
 * <p>1.2: {@link GameRule#allowTurnCommand} and {@link TurnCommand}; {@link GameProposal} carries the
 * era, scenario and mods (and {@code allowCreate} is asked when the level arrives); {@link PluginStates}.
 * 1.3: {@link Decision#allowAs} lets a rule rename a game as it is created ({@link GameProposal#withName}).
 * 1.4: {@link AdminCommand#secretArgumentsFrom} marks a command's secret arguments, which every log and
 * shell history redacts ({@link AdminCommand#loggableArguments}). Version lines: {@link GameInfo#line}
 * and {@link PlayerInfo#line} say which lobby a game or a player is in, {@link LobbyDirectory#lines}
 * gives each line's figures, and {@link LobbyDirectory#lobbyDocument(String)} one line's document.
 * {@link LobbyDirectory#counters()}: refused logins by code, relayed turns and their bytes.
 *
 * <p>Lobby and games are actors: every question is answered on the actor that owns the state, so the
 * answers arrive as {@link java.util.concurrent.CompletionStage}s and are snapshots, never live views.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.tavern.api;
