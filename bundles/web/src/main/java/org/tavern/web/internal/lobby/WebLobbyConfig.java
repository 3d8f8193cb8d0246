package org.tavern.web.internal.lobby;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code tavern.web.lobby} (etc/tavern.web.lobby.cfg): the web lobby's limits.
 * Keys are the method names with {@code _} written as {@code .}.
 */
@ObjectClassDefinition(name = "Tavern web lobby", description = "Limits of the browser lobby's WebSocket")
public @interface WebLobbyConfig {

    @AttributeDefinition(description = "The version web sessions announce to the lobby (must be accepted by versions_accepted)")
    String client_version() default "1.16.0";

    @AttributeDefinition(description = "Largest WebSocket message accepted from a browser, in bytes; larger ones close the socket")
    int max_message_bytes() default 8192;

    @AttributeDefinition(description = "Bytes queued for a browser that does not read before it is disconnected")
    int max_queued_bytes() default 2 * 1024 * 1024;

    @AttributeDefinition(description = "Messages a browser may send per second on average (the lobby's flood control applies to chat on top)")
    int messages_per_second() default 10;

    @AttributeDefinition(description = "Messages a browser may send in one burst")
    int message_burst() default 30;

    @AttributeDefinition(description = "Malformed or unknown messages tolerated before the socket is closed")
    int max_bad_messages() default 10;

    @AttributeDefinition(description = "Seconds a socket may stay silent (the page pings every 30 s)")
    int idle_timeout_seconds() default 90;

    @AttributeDefinition(description = "Seconds a socket may stay open without logging in")
    int login_timeout_seconds() default 60;

    @AttributeDefinition(description = "Open web lobby sockets allowed from one IP address; 0 = unlimited")
    int connections_per_address() default 32;

    @AttributeDefinition(description = "Open web lobby sockets allowed in all")
    int max_connections() default 5000;
}
