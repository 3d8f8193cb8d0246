package org.tavern.admin.internal.console;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code tavern.console} (etc/tavern.console.cfg). Keys are the method names with
 * {@code _} written as {@code .} ({@code idle.timeout.seconds=60}). The console always listens on
 * 127.0.0.1 only: there is deliberately no bind address to configure.
 */
// the id it had before the admin bundle got its packages, so metatype clients see the same definition
@ObjectClassDefinition(id = "org.tavern.admin.internal.RemoteConsoleConfig", name = "Tavern remote console",
        description = "The loopback Gogo console that bin/tavern console and exec attach to")
public @interface RemoteConsoleConfig {

    @AttributeDefinition(description = "TCP port on 127.0.0.1; 0 picks a free port (written to data/console.port)")
    int port() default 0;

    @AttributeDefinition(description = "Console sessions open at once; further connections are refused")
    int max_sessions() default 4;

    @AttributeDefinition(description = "Longest line (token or command) accepted, in bytes; a longer one closes the connection")
    int max_line_bytes() default 8192;

    @AttributeDefinition(description = "Seconds a session may wait for its next line before it is closed")
    int idle_timeout_seconds() default 900;

    @AttributeDefinition(description = "Seconds a new connection has to send the token")
    int login_timeout_seconds() default 10;
}
