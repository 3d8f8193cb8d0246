package org.tavern.admin.internal.ssh;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code tavern.ssh} (etc/tavern.ssh.cfg). Keys are the method names with
 * {@code _} written as {@code .} ({@code idle.timeout.seconds=600}).
 */
@ObjectClassDefinition(name = "Tavern SSH console", description = "The Gogo shell over SSH (Apache SSHD)")
public @interface SshConsoleConfig {

    @AttributeDefinition(description = "TCP port; 0 turns the SSH console off")
    int port() default 8101;

    @AttributeDefinition(description = "Address to listen on; the loopback address by default")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(description = "SSH connections open at once; further ones are closed at once")
    int max_sessions() default 4;

    @AttributeDefinition(description = "Authentication attempts (keys and passwords) one connection may make")
    int max_auth_attempts() default 3;

    @AttributeDefinition(description = "Seconds a connection has to authenticate")
    int auth_timeout_seconds() default 30;

    @AttributeDefinition(description = "Seconds of silence after which a session is closed")
    int idle_timeout_seconds() default 900;

    @AttributeDefinition(description = "Failed logins from one address before it is refused for failed.login.ban.seconds")
    int failed_login_limit() default 10;

    @AttributeDefinition(description = "Seconds over which failed logins are counted, and how long an address is then refused")
    int failed_login_ban_seconds() default 600;
}
