package org.tavern.lobby.internal.lobby;

import org.tavern.lobby.internal.common.VersionLine;

/**
 * The lobby of one version line: the list its clients mirror (its games and its players only) and
 * its logins not yet announced. Clients of one line never see another line's games or players, and
 * cannot join them (their unit data differs; the game would go out of sync). Plain data, owned by
 * the lobby actor as {@link LobbyState} is.
 */
final class LineLobby {

    final VersionLine line;
    final LobbyList list = new LobbyList();
    final PendingLogins pendingLogins = new PendingLogins();

    LineLobby(VersionLine line) {
        this.line = line;
    }
}
