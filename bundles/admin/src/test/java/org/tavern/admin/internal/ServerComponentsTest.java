package org.tavern.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServerComponentsTest {

    @Test
    void aConstructorsExceptionIsFoundBehindTheReflectionWrapper() {
        String trace = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(Unknown Source)
                \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:326)

                Caused by: java.net.BindException: cannot listen on port 15000: Address already in use
                \tat org.tavern.transport.internal.TransportServer.bindOrExplain(TransportServer.java:101)
                Caused by: java.net.BindException: Address already in use
                \tat java.base/sun.nio.ch.Net.bind0(Native Method)
                \t... 5 more
                """;
        assertEquals("cannot listen on port 15000: Address already in use", ServerComponents.reason(trace));
    }

    @Test
    void anExceptionOfTheActivateMethodItselfIsItsMessage() {
        assertEquals("no database at /x", ServerComponents.reason(
                "java.lang.IllegalStateException: no database at /x\n\tat a.B.c(B.java:1)\n"));
        assertEquals("no reason given", ServerComponents.reason(null));
        assertEquals("no reason given", ServerComponents.reason("  "));
        assertEquals("java.lang.reflect.InvocationTargetException",
                ServerComponents.reason("java.lang.reflect.InvocationTargetException\n\tat x.Y.z(Y.java:1)"));
    }
}
