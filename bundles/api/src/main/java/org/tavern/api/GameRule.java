package org.tavern.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A house rule for games: consulted when a game is created, when a player joins or observes one, and
 * (if the rule implements {@link #allowTurnCommand}) on each command of a {@code [turn]}. The first
 * rule (by {@code service.ranking}, highest first) that refuses decides, and its reason is shown to
 * the player.
 *
 * <p>Rules are called on the actor of the lobby or of the game concerned, with a time budget (a
 * fraction of a second): a rule that takes longer, or throws, counts as {@link Decision#allow()} for
 * that call, and one that keeps failing is switched off. Keep the methods to lookups.
 */
@ConsumerType
public interface GameRule {

    /** Optional service property: a short name for logs and {@code tavern:pluginstatus}. */
    String NAME = MessageFilter.NAME;

    /**
     * Whether this game may be created, and under which name. Asked once, when the host's client
     * sends the level (the first moment its era, scenario and mods are known) and before anyone else
     * sees the game; a refusal ends the game and sends its host back to the lobby with the reason.
     * {@link Decision#allowAs} shows the game in the lobby (and in logs, listeners and the game
     * history) under another name; the next rule is asked about the renamed game.
     */
    default Decision allowCreate(GameProposal proposal) {
        return Decision.allow();
    }

    /**
     * Whether a player may join (or, with {@code observe}, watch) a game; a refusal is shown to him.
     *
     * @param game the game as the lobby last saw it (its members at the time the lobby was told)
     */
    default Decision allowJoin(String player, GameInfo game, boolean observe) {
        return Decision.allow();
    }

    /**
     * Whether one command of a running game's {@code [turn]} may be relayed, after the server's own
     * checks passed. A refused command is handled like one the server finds illegal: it is removed
     * from the turn and every member reads {@code Removing illegal command '<name>' from: <nick>...};
     * the sender also reads the reason, if it is not empty.
     *
     * <p>Only rules that override this method are asked (the relay checks that once, when the rule
     * arrives, so games pay nothing for rules that do not look at turns). It is called for every
     * command of every turn of every game: keep it to a lookup.
     *
     * @since 1.2
     */
    default Decision allowTurnCommand(TurnCommand command) {
        return Decision.allow();
    }
}
