package org.tavern.api;

/**
 * A game a player asks to create ({@code [create_game]}), before it exists.
 *
 * @param host the nick of the player creating it
 * @param name the name he gave it
 * @param passworded whether joining it needs a password
 */
public record GameProposal(String host, String name, boolean passworded) {

    public GameProposal {
        name = name == null ? "" : name;
    }
}
