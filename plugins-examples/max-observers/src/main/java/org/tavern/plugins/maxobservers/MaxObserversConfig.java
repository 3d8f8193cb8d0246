package org.tavern.plugins.maxobservers;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code tavern.plugin.maxobservers} ({@code etc/tavern.plugin.maxobservers.cfg}, applied live). */
@ObjectClassDefinition(name = "Tavern max observers", description = "How many players may watch one game")
public @interface MaxObserversConfig {

    @AttributeDefinition(description = "Observers allowed in one game; 0 = nobody may observe")
    int max_observers() default 10;

    @AttributeDefinition(description = "What a refused observer reads; {0} is the limit")
    String refusal() default "This game already has {0} observers, as many as this server allows.";
}
