package org.tavern.launcher.support.internal;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Lets the JVM give heap back to the system after a spike. A login storm or an attack grows the heap
 * (full lobby lists, diffs queued to thousands of sockets, frames being received); G1 keeps what it
 * committed until a collection finds it free, and an idle server runs no collection, so all of it
 * stays resident: about 90 KB per idle player at 3 000 players, against some 28 KB with this
 * (docs/performance.md). Two settings, both "manageable" flags, set at run time through the JVM's
 * diagnostic MBean so that they apply to {@code java -jar tavern.jar} (whose manifest cannot carry
 * JVM options) as to {@code bin/tavern}:
 * <ul>
 *   <li>G1's periodic collection, after {@value #INTERVAL_MILLIS} ms without any, so that an idle
 *   server collects at all;</li>
 *   <li>the heap's free ratios ({@value #MIN_FREE_PERCENT}% to {@value #MAX_FREE_PERCENT}% free after a
 *   collection, instead of 40% to 70%), so that the collections that end a spike shrink the heap to
 *   little more than what is live.</li>
 * </ul>
 * Each is applied only when the owner did not set it himself, by name, so that no bundle imports
 * com.sun.management.
 */
final class IdleHeapReturn {

    static final String FLAG = "G1PeriodicGCInterval";
    static final long INTERVAL_MILLIS = 10_000;
    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String MAX_FREE = "MaxHeapFreeRatio";
    static final int MIN_FREE_PERCENT = 10;
    static final int MAX_FREE_PERCENT = 30;
    private static final String[] ONE_STRING = {String.class.getName()};
    private static final String[] TWO_STRINGS = {String.class.getName(), String.class.getName()};

    private IdleHeapReturn() {
    }

    /** True when the interval was set; false when the owner chose one or the JVM has no such flag. */
    static boolean apply(MBeanServer server) {
        try {
            ObjectName diagnostic = new ObjectName("com.sun.management:type=HotSpotDiagnostic");
            applyFreeRatios(server, diagnostic);
            if (!isDefault(server, diagnostic, FLAG)) {
                return false;
            }
            set(server, diagnostic, FLAG, Long.toString(INTERVAL_MILLIS));
            return true;
        } catch (JMException | RuntimeException e) {
            return false; // not HotSpot: its own defaults apply
        }
    }

    /** Both ratios, or neither when the owner set one (the pair must stay ordered). */
    static boolean applyFreeRatios(MBeanServer server, ObjectName diagnostic) throws JMException {
        if (!isDefault(server, diagnostic, MIN_FREE) || !isDefault(server, diagnostic, MAX_FREE)) {
            return false;
        }
        // lower bound first: it may never be above the upper one, which starts at 70
        set(server, diagnostic, MIN_FREE, Integer.toString(MIN_FREE_PERCENT));
        set(server, diagnostic, MAX_FREE, Integer.toString(MAX_FREE_PERCENT));
        return true;
    }

    private static boolean isDefault(MBeanServer server, ObjectName diagnostic, String flag) throws JMException {
        CompositeData option = (CompositeData) server.invoke(diagnostic, "getVMOption", new Object[] {flag}, ONE_STRING);
        return "DEFAULT".equals(String.valueOf(option.get("origin")));
    }

    private static void set(MBeanServer server, ObjectName diagnostic, String flag, String value) throws JMException {
        server.invoke(diagnostic, "setVMOption", new Object[] {flag, value}, TWO_STRINGS);
    }
}
