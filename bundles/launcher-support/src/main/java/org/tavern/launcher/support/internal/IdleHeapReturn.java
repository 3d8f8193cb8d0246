package org.tavern.launcher.support.internal;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Lets the JVM give heap back to the system once the server is idle. A login storm grows the heap
 * (full lobby lists, diffs queued to thousands of sockets); G1 keeps what it committed until a
 * collection finds it free, and an idle server runs no collection, so all of it stays resident: about
 * 90 KB per idle player at 3 000 players, against some 28 KB with this (docs/performance.md). G1's
 * periodic collection, after {@value #INTERVAL_MILLIS} ms without any, uncommits it. Applied only
 * when the owner did not set the flag himself, through the JVM's diagnostic MBean by name, so that no
 * bundle imports com.sun.management.
 */
final class IdleHeapReturn {

    static final String FLAG = "G1PeriodicGCInterval";
    static final long INTERVAL_MILLIS = 10_000;
    private static final String[] ONE_STRING = {String.class.getName()};
    private static final String[] TWO_STRINGS = {String.class.getName(), String.class.getName()};

    private IdleHeapReturn() {
    }

    /** True when the interval was set; false when the owner chose one or the JVM has no such flag. */
    static boolean apply(MBeanServer server) {
        try {
            ObjectName diagnostic = new ObjectName("com.sun.management:type=HotSpotDiagnostic");
            CompositeData option = (CompositeData) server.invoke(diagnostic, "getVMOption", new Object[] {FLAG}, ONE_STRING);
            if (!"DEFAULT".equals(String.valueOf(option.get("origin")))) {
                return false;
            }
            server.invoke(diagnostic, "setVMOption", new Object[] {FLAG, Long.toString(INTERVAL_MILLIS)}, TWO_STRINGS);
            return true;
        } catch (JMException | RuntimeException e) {
            return false; // not HotSpot: its own defaults apply
        }
    }
}
