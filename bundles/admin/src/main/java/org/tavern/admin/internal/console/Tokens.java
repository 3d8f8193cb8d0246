package org.tavern.admin.internal.console;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets for the console: the token in data/console.token and each connection's nonce. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** {@code bytes} random bytes as lower-case hex. */
    static String random(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
