package org.tavern.api;

import java.util.List;

/**
 * A game a player asks to create, before anyone else sees it: his {@code [create_game]} and the
 * {@code [multiplayer]} settings of the level his client sends right after it.
 *
 * @param host the nick of the player creating it
 * @param name the name he gave it
 * @param passworded whether joining it needs a password
 * @param era the era's id ({@code mp_era}, e.g. {@code era_default}); empty if the level names none
 * @param scenario the scenario's id ({@code mp_scenario}); empty if the level names none
 * @param mods the ids of the active modifications ({@code active_mods}), in the level's order
 */
public record GameProposal(String host, String name, boolean passworded, String era, String scenario,
        List<String> mods) {

    public GameProposal {
        name = name == null ? "" : name;
        era = era == null ? "" : era;
        scenario = scenario == null ? "" : scenario;
        mods = mods == null ? List.of() : List.copyOf(mods);
    }

    /**
     * The same proposal under another name: what the next rule sees after one renamed the game.
     *
     * @since 1.3
     */
    public GameProposal withName(String otherName) {
        return new GameProposal(host, otherName, passworded, era, scenario, mods);
    }

    /** A proposal whose era, scenario and mods are not known (API 1.1 callers). */
    public GameProposal(String host, String name, boolean passworded) {
        this(host, name, passworded, "", "", List.of());
    }
}
