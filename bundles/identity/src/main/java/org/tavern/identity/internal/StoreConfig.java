package org.tavern.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code tavern.identity.store} ({@code etc/tavern.identity.store.cfg}). Keys use
 * {@code .} for {@code _} ({@code pool.size}). Changing any key reopens the database.
 */
@ObjectClassDefinition(name = "Tavern identity store", description = "Where accounts, bans and game records are kept")
public @interface StoreConfig {

    String PID = "tavern.identity.store";

    @AttributeDefinition(description = "JDBC URL: jdbc:h2:... or jdbc:postgresql://host:port/database; "
            + "empty: an H2 database in <home>/data/tavern")
    String url() default "";

    @AttributeDefinition(description = "Database user (H2 default: sa)")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
    String password() default "";

    @AttributeDefinition(description = "Most connections held open at once")
    int pool_size() default 4;

    @AttributeDefinition(description = "Seconds to wait for a free connection (or for the database at start)")
    int connect_timeout_seconds() default 10;

    @AttributeDefinition(description = "This server's name in game records (for databases several servers share)")
    String instance() default "";

    @AttributeDefinition(description = "Unpinned entities each cache keeps strongly as recently used")
    int cache_recent_max() default 1000;
}
