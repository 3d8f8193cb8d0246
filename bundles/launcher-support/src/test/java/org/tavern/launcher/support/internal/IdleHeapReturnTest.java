package org.tavern.launcher.support.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

class IdleHeapReturnTest {

    private static CompositeData option(MBeanServer server) throws Exception {
        return option(server, IdleHeapReturn.FLAG);
    }

    private static CompositeData option(MBeanServer server, String flag) throws Exception {
        return (CompositeData) server.invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                "getVMOption", new Object[] {flag}, new String[] {String.class.getName()});
    }

    @Test
    void heapFreeRatiosAreLoweredOnceUnlessTheOwnerSetThem() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName diagnostic = new ObjectName("com.sun.management:type=HotSpotDiagnostic");
        boolean wereDefault = "DEFAULT".equals(String.valueOf(option(server, IdleHeapReturn.MIN_FREE).get("origin")))
                && "DEFAULT".equals(String.valueOf(option(server, IdleHeapReturn.MAX_FREE).get("origin")));
        String min = String.valueOf(option(server, IdleHeapReturn.MIN_FREE).get("value"));
        String max = String.valueOf(option(server, IdleHeapReturn.MAX_FREE).get("value"));
        assertEquals(wereDefault, IdleHeapReturn.applyFreeRatios(server, diagnostic));
        assertEquals(wereDefault ? "10" : min, String.valueOf(option(server, IdleHeapReturn.MIN_FREE).get("value")));
        assertEquals(wereDefault ? "30" : max, String.valueOf(option(server, IdleHeapReturn.MAX_FREE).get("value")));
        assertFalse(IdleHeapReturn.applyFreeRatios(server, diagnostic), "set now: left alone");
    }

    @Test
    void setsTheIntervalOnceAndNeverOverridesAChoice() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        boolean wasDefault = "DEFAULT".equals(String.valueOf(option(server).get("origin")));
        String before = String.valueOf(option(server).get("value"));
        boolean applied = IdleHeapReturn.apply(server);
        assertEquals(wasDefault, applied);
        assertEquals(wasDefault ? Long.toString(IdleHeapReturn.INTERVAL_MILLIS) : before,
                String.valueOf(option(server).get("value")));
        // now set (by us, or by whoever ran the tests): a second call leaves it alone
        assertFalse(IdleHeapReturn.apply(server));
    }
}
