package org.tavern.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A house rule for games: consulted when a game is created and when a player joins or observes one.
 * The first rule (by {@code service.ranking}, highest first) that refuses decides, and its reason is
 * shown to the player.
 *
 * <p>Rules are called on the lobby's actor with a time budget (a fraction of a second): a rule that
 * takes longer, or throws, counts as {@link Decision#allow()} for that call, and one that keeps failing
 * is switched off. Keep the methods to lookups.
 */
@ConsumerType
public interface GameRule {

    /** Optional service property: a short name for logs and {@code tavern:pluginstatus}. */
    String NAME = MessageFilter.NAME;

    /** Whether this game may be created; a refusal is shown to its host, who stays in the lobby. */
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
}
