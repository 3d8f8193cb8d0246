package org.tavern.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees every chat message (lobby chat, whispers, game chat and speaks) before it is delivered, and
 * may let it pass, rewrite it, drop it with a reply to its sender, or disconnect the sender.
 *
 * <p>Register it as a service (a DS component). Filters run in the order of their
 * {@code service.ranking}, highest first; each sees the text the one before it left. A filter is
 * called on the actor delivering the message and has a time budget (a fraction of a second): one that
 * takes longer, or throws, counts as {@link FilterResult#pass()} for that call, and one that keeps
 * failing is switched off. Do slow work (files, network) elsewhere and keep {@link #filter} to lookups.
 */
@ConsumerType
public interface MessageFilter {

    /**
     * Optional service property: a short name for logs and {@code tavern:pluginstatus} (the bundle's
     * symbolic name and the component name otherwise).
     */
    String NAME = "tavern.plugin.name";

    /** Decides about one message. Called from several threads (one at a time per game and for the lobby). */
    FilterResult filter(ChatMessage message);
}
