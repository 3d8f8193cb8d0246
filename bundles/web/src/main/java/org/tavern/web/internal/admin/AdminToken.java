package org.tavern.web.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The dashboard's token for owners without a moderator account: {@code data/admin.token}, made at
 * first start (256 random bits, readable by the server's user only) and read as it is afterwards, so
 * an owner may also write his own. Compared in constant time.
 */
final class AdminToken {

    static final String FILE = "admin.token";
    /** Shorter tokens are refused: a guessable one would open the dashboard. */
    static final int MIN_LENGTH = 32;

    private final String token;

    private AdminToken(String token) {
        this.token = token;
    }

    static AdminToken in(Path dataFolder) throws IOException {
        Path file = dataFolder.resolve(FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(dataFolder);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions protect it
            }
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
        return new AdminToken(token.length() >= MIN_LENGTH ? token : null);
    }

    boolean matches(String offered) {
        if (token == null || offered == null) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), offered.trim().getBytes(StandardCharsets.UTF_8));
    }
}
