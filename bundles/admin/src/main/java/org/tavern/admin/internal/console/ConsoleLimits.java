package org.tavern.admin.internal.console;

import java.time.Duration;

/** The bounds every console connection lives within; out-of-range settings are refused at activation. */
record ConsoleLimits(int maxSessions, int maxLineBytes, Duration idleTimeout, Duration loginTimeout) {

    ConsoleLimits {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("max.sessions must be at least 1, not " + maxSessions);
        }
        if (maxLineBytes < 64) {
            throw new IllegalArgumentException("max.line.bytes must be at least 64, not " + maxLineBytes);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle.timeout.seconds must be positive, not " + idleTimeout.toSeconds());
        }
        if (loginTimeout.isNegative() || loginTimeout.isZero()) {
            throw new IllegalArgumentException("login.timeout.seconds must be positive, not " + loginTimeout.toSeconds());
        }
    }

    static ConsoleLimits from(RemoteConsoleConfig config) {
        return new ConsoleLimits(config.max_sessions(), config.max_line_bytes(),
                Duration.ofSeconds(config.idle_timeout_seconds()), Duration.ofSeconds(config.login_timeout_seconds()));
    }
}
