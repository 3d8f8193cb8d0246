package org.tavern.identity.internal.command;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewPasswordTest {

    @Test
    void randomPasswordsAvoidLookAlikes() {
        String password = NewPassword.random(16);
        assertEquals(16, password.length());
        assertTrue(password.chars().noneMatch(ch -> "l1O0I".indexOf(ch) >= 0), password);
        assertNotEquals(password, NewPassword.random(16));
    }
}
