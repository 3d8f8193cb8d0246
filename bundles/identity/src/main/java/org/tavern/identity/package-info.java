/**
 * Tavern's stored identities: {@link org.tavern.identity.Accounts} (registered nicks and their
 * passwords), {@link org.tavern.identity.Bans}, {@link org.tavern.identity.GameRecords} (the game
 * history), and typed {@link org.tavern.identity.Attributes} that plugins keep on any stored
 * {@link org.tavern.identity.Entity}.
 *
 * <p>Every stored entity is represented by exactly one live object while anything uses it (an
 * {@link org.tavern.identity.IdentityMap}), so callers may compare entities with {@code ==} and key
 * transient state on them. Entities load on demand; pinned ones (online users, running games) stay
 * in memory, the others are held weakly and go as soon as nothing else refers to them.
 *
 * <p>Every write is committed before its method returns. Bad input is refused with an
 * {@link java.lang.IllegalArgumentException} that says what is wrong; a failing database with a
 * {@link org.tavern.identity.StoreException}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tavern.identity;
