package org.tavern.lobby.internal.game;

/** How a member leaves: the words the others read differ. */
public enum Departure {
    LEFT(" has left the game."), DISCONNECTED(" has disconnected."), REMOVED(" has left the game.");

    final String notice;

    Departure(String notice) {
        this.notice = notice;
    }
}
