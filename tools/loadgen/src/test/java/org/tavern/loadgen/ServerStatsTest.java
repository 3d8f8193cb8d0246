package org.tavern.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerStatsTest {

    @Test
    void cpuFromAStatLineWhoseNameHoldsSpacesAndParens() {
        String stat = "4242 (we (s) d) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 75 0 0 20 0 6 0 123 456 789";
        assertEquals((250 + 75) * 10_000L, ServerStats.parseCpuMicros(stat));
    }

    @Test
    void compilerThreadsAreKnownByTheirName() {
        assertTrue(ServerStats.isCompilerThread("17 (C2 CompilerThre) S 1 2 3 0 -1 0 0 0 0 0 90 4 0 0"));
        assertTrue(ServerStats.isCompilerThread("18 (C1 CompilerThre) S 1 2 3 0 -1 0 0 0 0 0 9 1 0 0"));
        assertFalse(ServerStats.isCompilerThread("19 (NioProcessor-1) S 1 2 3 0 -1 0 0 0 0 0 90 4 0 0"));
    }

    @Test
    void ownCompilerThreadsAreFoundAmongItsThreads() {
        ServerStats self = new ServerStats(ProcessHandle.current().pid());
        long compiler = self.compilerMicros();
        assertTrue(compiler >= 0 && compiler <= self.cpuMicros(), compiler + " of " + self.cpuMicros());
    }

    @Test
    void rssFromStatus() {
        assertEquals(28628, ServerStats.parseRssKb("Name:\tx\nVmPeak:\t  1 kB\nVmRSS:\t   28628 kB\nThreads: 1\n"));
    }

    @Test
    void ownProcessReadsSomething() {
        ServerStats self = new ServerStats(ProcessHandle.current().pid());
        assertTrue(self.rssKb() > 0);
        assertTrue(self.cpuMicros() >= 0);
    }

    @org.junit.jupiter.api.Test
    void contextSwitchesAreReadFromATasksStatus() {
        long[] switches = ServerStats.parseContextSwitches("Name:\tjava\nvoluntary_ctxt_switches:\t1234\n"
                + "nonvoluntary_ctxt_switches:\t56\n");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {1234, 56}, switches);
    }

    @org.junit.jupiter.api.Test
    void thisProcessHasSwitchedContextsAtLeastOnce() {
        long[] switches = new ServerStats(ProcessHandle.current().pid()).contextSwitches();
        org.junit.jupiter.api.Assertions.assertTrue(switches[0] + switches[1] > 0, java.util.Arrays.toString(switches));
    }
}
