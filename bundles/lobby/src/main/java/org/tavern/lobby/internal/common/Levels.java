package org.tavern.lobby.internal.common;

import org.tavern.wml.Node;

/** Reading a level as the host sends it. */
public final class Levels {

    private Levels() {
    }

    /** The level's {@code [scenario]}, or its {@code [snapshot]} when it is a saved game; null if neither. */
    public static Node startingPosition(Node level) {
        Node scenario = level.child("scenario");
        return scenario != null ? scenario : level.child("snapshot");
    }
}
