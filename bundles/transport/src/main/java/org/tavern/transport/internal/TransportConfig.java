package org.tavern.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code tavern.transport} (etc/tavern.transport.cfg). Keys are the method names
 * with {@code _} written as {@code .} ({@code connections.allowed=0}). Every value can change
 * while the server runs without dropping a connection.
 */
@ObjectClassDefinition(name = "Tavern transport", description = "Listener, limits and TLS for player connections")
public @interface TransportConfig {

    /** Means "use the launcher's -p/--port (framework property tavern.port), else 15000". */
    int PORT_FROM_LAUNCHER = -1;

    @AttributeDefinition(description = "TCP port; -1 takes the launcher's -p/--port (default 15000); 0 picks a free port")
    int port() default PORT_FROM_LAUNCHER;

    @AttributeDefinition(description = "Address to bind; empty binds every IPv4 and IPv6 address")
    String bind_address() default "";

    @AttributeDefinition(description = "I/O threads (shards); 0 means one per available core")
    int shards() default 0;

    @AttributeDefinition(description = "Seconds a new connection may take to send its 4-byte handshake")
    int handshake_timeout_seconds() default 30;

    @AttributeDefinition(description = "Seconds after the handshake within which the client's first frame "
            + "(its [version] answer) must have arrived whole")
    int version_timeout_seconds() default 30;

    @AttributeDefinition(description = "Seconds after the handshake within which the client must have logged in "
            + "(a logged-in client may then stay silent as long as it likes)")
    int login_timeout_seconds() default 60;

    @AttributeDefinition(description = "Largest frame payload accepted (wesnothd: 40000000)")
    int max_frame_bytes() default 40_000_000;

    @AttributeDefinition(description = "Largest size a frame may inflate to (wesnothd: 40000000)")
    int max_inflated_bytes() default 40_000_000;

    @AttributeDefinition(description = "Bytes queued for a connection that does not read before it is disconnected "
            + "(each queued frame counts its size plus " + Limits.QUEUED_FRAME_OVERHEAD + " bytes of bookkeeping)")
    int max_queued_bytes() default 8 * 1024 * 1024;

    @AttributeDefinition(description = "Seconds a connection's output queue may stay non-empty before it is "
            + "disconnected (the client reads too slowly or not at all)")
    int max_queue_age_seconds() default 60;

    @AttributeDefinition(description = "Queued bytes a connection may keep while the server is over its budget; "
            + "a connection past this is disconnected at its next frame")
    int queue_share_bytes() default 256 * 1024;

    @AttributeDefinition(description = "Kernel send buffer per connection (SO_SNDBUF) in bytes; 0 leaves the "
            + "system's default (which grows to several MB per socket)")
    int send_buffer_bytes() default 64 * 1024;

    @AttributeDefinition(description = "Bytes in flight on the whole server: frames being received, documents "
            + "being inflated, output queued")
    int budget_bytes() default 128 * 1024 * 1024;

    @AttributeDefinition(description = "Bytes of frames being received from one IP address at once")
    int budget_bytes_per_address() default 48 * 1024 * 1024;

    @AttributeDefinition(description = "Bytes of frames being received or inflated by one connection at once")
    int budget_bytes_per_connection() default 40_000_000;

    @AttributeDefinition(description = "Frames read from one connection per second; past it, reading pauses "
            + "until the next second (the client's own TCP window holds the rest)")
    int max_frames_per_second() default 200;

    /**
     * Real clients send little but for a host's scenario at game start or between a campaign's
     * scenarios (tens to a few hundred KB of gzip); a flood of large frames, refused by the lobby's
     * flood control or not, still costs the server their inflating and parsing.
     */
    @AttributeDefinition(description = "Bytes read from one connection per second; past it, reading pauses until "
            + "the next second")
    int max_read_bytes_per_second() default 256 * 1024;

    @AttributeDefinition(description = "Frames held per connection while no handler is registered")
    int max_pending_frames() default 1000;

    @AttributeDefinition(description = "Bytes held per connection while no handler is registered")
    int max_pending_bytes() default 4 * 1024 * 1024;

    /**
     * A flood bound on sockets, logged in or not. wesnothd's {@code connections_allowed} (logged-in
     * players per address) is the lobby's; this one stops a client from holding thousands of sockets
     * open without ever logging in.
     */
    @AttributeDefinition(description = "Open connections (logged in or not) allowed from one IP address; 0 = unlimited")
    int connections_per_address() default 32;

    @AttributeDefinition(description = "TCP keepalive on player connections; unset takes the launcher's --keepalive")
    String keepalive() default "";

    @AttributeDefinition(description = "Offer TLS to clients that ask for it (wesnothd tls_enabled)")
    boolean tls_enabled() default false;

    @AttributeDefinition(description = "PEM certificate chain (wesnothd tls_fullchain)")
    String tls_fullchain() default "";

    @AttributeDefinition(description = "PEM private key, PKCS#8 or PKCS#1 RSA (wesnothd tls_private_key)")
    String tls_private_key() default "";
}
