package org.tavern.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes: Argon2id (Bouncy Castle), written in the PHC string form
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}; bcrypt hashes
 * ({@code $2a$}, {@code $2b$}, {@code $2y$}, as phpBB stores them) are verified too, so imported
 * accounts keep their passwords. Hashes are compared in constant time.
 */
final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane (declared after the constants it uses). */
    static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2, 1);

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.dummyHash = hash("not a password of anyone");
    }

    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether {@code password} matches {@code stored}; an unknown or damaged hash never matches. */
    boolean verify(String password, String stored) {
        if (stored == null || stored.isEmpty()) {
            return false;
        }
        if (stored.startsWith("$argon2id$")) {
            return verifyArgon2(password, stored);
        }
        if (stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$")) {
            try {
                return OpenBSDBCrypt.checkPassword(stored, password.toCharArray());
            } catch (RuntimeException e) {
                // Bouncy Castle's refusals: a damaged hash, or a password bcrypt cannot take (over 72 bytes)
                return false;
            }
        }
        return false;
    }

    /** Spends the time of one verification, for a nick that has no account. */
    void verifyNothing(String password) {
        verifyArgon2(password, dummyHash);
    }

    /** Whether {@code stored} should be replaced by a hash with the current algorithm and parameters. */
    boolean needsRehash(String stored) {
        return stored == null || !stored.startsWith("$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p="
                + parallelism + "$");
    }


    private static boolean verifyArgon2(String password, String stored) {
        String[] parts = stored.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[2].equals("v=19")) {
            return false;
        }
        int m;
        int t;
        int p;
        byte[] salt;
        byte[] expected;
        try {
            String[] costs = parts[3].split(",");
            if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=") || !costs[2].startsWith("p=")) {
                return false;
            }
            m = Integer.parseInt(costs[0].substring(2));
            t = Integer.parseInt(costs[1].substring(2));
            p = Integer.parseInt(costs[2].substring(2));
            salt = B64_DECODE.decode(parts[4]);
            expected = B64_DECODE.decode(parts[5]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // bounds that keep a damaged or hostile hash from costing unbounded memory or time
        if (m < 8 || m > 1024 * 1024 || t < 1 || t > 100 || p < 1 || p > 16 || salt.length < 8
                || expected.length < 16 || expected.length > 64) {
            return false;
        }
        byte[] actual = argon2(password, salt, m, t, p, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] argon2(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
