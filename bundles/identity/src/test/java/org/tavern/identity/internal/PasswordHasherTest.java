package org.tavern.identity.internal;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(256, 1, 1);

    @Test
    void aHashVerifiesItsPasswordOnly() {
        String hash = hasher.hash("s3cret pässword");
        assertTrue(hash.startsWith("$argon2id$v=19$m=256,t=1,p=1$"), hash);
        assertTrue(hasher.verify("s3cret pässword", hash));
        assertFalse(hasher.verify("s3cret password", hash));
        assertFalse(hasher.verify("", hash));
        assertNotEquals(hash, hasher.hash("s3cret pässword"), "salted: two hashes of one password differ");
    }

    @Test
    void theDefaultParametersAreOwaspsArgon2id() {
        String hash = PasswordHasher.DEFAULT.hash("x");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(PasswordHasher.DEFAULT.verify("x", hash));
        assertFalse(PasswordHasher.DEFAULT.needsRehash(hash));
        assertTrue(PasswordHasher.DEFAULT.needsRehash(hasher.hash("x")));
    }

    @Test
    void bcryptHashesVerify() {
        String bcrypt = OpenBSDBCrypt.generate("2y", "phpbb user".toCharArray(), new byte[16], 4);
        assertTrue(hasher.verify("phpbb user", bcrypt));
        assertFalse(hasher.verify("phpbb usr", bcrypt));
        assertTrue(hasher.needsRehash(bcrypt));
        assertFalse(hasher.verify("x".repeat(100), bcrypt), "over bcrypt's 72 bytes: refused, not thrown");
    }

    @Test
    void damagedOrForeignHashesNeverMatch() {
        String good = hasher.hash("pw");
        for (String bad : new String[] {null, "", "pw", "$1$md5crypt$", "$argon2id$v=19$m=256,t=1,p=1$",
                "$argon2id$v=18" + good.substring(14), good.replace("m=256", "m=999999999"),
                good.replace("t=1", "t=x"), good.substring(0, good.length() - 4) + "!!!!", "$2y$04$short"}) {
            assertFalse(hasher.verify("pw", bad), String.valueOf(bad));
        }
    }
}
