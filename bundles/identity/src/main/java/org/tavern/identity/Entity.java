package org.tavern.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A stored thing with an identity: one live object per stored row while anything refers to it, so
 * {@code ==} compares entities.
 */
@ProviderType
public interface Entity {

    /** The store's id of this entity, unique within its kind. */
    long id();

    /** Typed key/value pairs kept with this entity (for plugins), persisted on every change. */
    Attributes attributes();
}
