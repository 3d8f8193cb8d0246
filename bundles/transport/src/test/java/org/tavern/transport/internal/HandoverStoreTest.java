package org.tavern.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoverStoreTest {

    private final HandoverStore store = new HandoverStore();

    @Test
    void oneUpgradeAtATime() {
        assertFalse(store.upgradeUnderWay());
        assertTrue(store.beginUpgrade());
        assertFalse(store.beginUpgrade(), "a second upgrade is refused while one runs");
        assertTrue(store.upgradeUnderWay());
        store.endUpgrade();
        assertTrue(store.beginUpgrade(), "and allowed again once it is over");
    }

    @Test
    void aStateIsKeptOnlyDuringAnUpgradeAndDroppedAtItsEnd() {
        assertThrows(IllegalStateException.class, () -> store.keep(new byte[] {1}));
        store.beginUpgrade();
        assertEquals(Optional.empty(), store.kept());
        byte[] state = {1, 2, 3};
        store.keep(state);
        state[0] = 9; // the keeper holds its own copy
        assertArrayEquals(new byte[] {1, 2, 3}, store.kept().orElseThrow());
        store.kept().orElseThrow()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, store.kept().orElseThrow(), "and hands out copies");
        store.keep(new byte[] {4});
        assertArrayEquals(new byte[] {4}, store.kept().orElseThrow(), "the latest state wins");
        store.endUpgrade();
        assertEquals(Optional.empty(), store.kept());
    }

    @Test
    void anUnattendedHandoverEndsWhenTheNextCoreTookItOver() {
        assertTrue(store.beginUnattended());
        assertFalse(store.beginUpgrade(), "no upgrade while a stopped core's state waits");
        store.keep(new byte[] {1});
        store.tookOver();
        assertFalse(store.upgradeUnderWay());
        assertEquals(Optional.empty(), store.kept());
    }

    @Test
    void anUpgradesStateOutlivesATakeOverForItsCommandMayStillRollBack() {
        assertTrue(store.beginUpgrade());
        assertFalse(store.beginUnattended(), "a stopping core does not begin its own inside an upgrade");
        store.keep(new byte[] {1});
        store.tookOver();
        assertTrue(store.upgradeUnderWay());
        assertArrayEquals(new byte[] {1}, store.kept().orElseThrow());
        store.endUpgrade();
        assertTrue(store.beginUpgrade());
        store.tookOver();
        assertTrue(store.upgradeUnderWay(), "an upgrade begun after an unattended one is the command's again");
    }
}
