package org.tavern.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code tavern.admin} (over server.cfg's {@code fifo_path}): wesnothd's command fifo. */
@ObjectClassDefinition(name = "Tavern command fifo", description = "wesnothd's named pipe for admin commands")
public @interface FifoConfig {

    @AttributeDefinition(description = "Named pipe read for admin commands, one per line; relative to the home; "
            + "empty: none (wesnothd's fifo_path)")
    String fifo_path() default "";
}
