package org.tavern.plugins.maxobservers;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code tavern.plugin.allowederas} ({@code etc/tavern.plugin.allowederas.cfg}, applied live). */
@ObjectClassDefinition(name = "Tavern allowed eras", description = "Which eras new games may use")
public @interface AllowedErasConfig {

    @AttributeDefinition(description = "Era ids (mp_era) games may use, e.g. era_default,era_heroes; empty = any era")
    String[] eras() default {};

    @AttributeDefinition(description = "What a refused host reads; {0} is the list of allowed eras")
    String refusal() default "This server allows only these eras: {0}.";
}
