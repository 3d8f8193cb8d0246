package org.tavern.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void theHeapIsAQuarterOfTheMachineWithinItsBounds() {
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx1024m", "-XX:MaxNewSize=32m", "-XX:FreqInlineSize=100",
                "-XX:InlineSmallCode=1000"), JvmDefaults.options(4 * GB, List.of()));
        assertEquals("-Xmx256m", JvmDefaults.options(GB / 2, List.of()).get(1), "at least 256 MB on a small machine");
        assertEquals("-Xmx2048m", JvmDefaults.options(64 * GB, List.of()).get(1), "at most 2 GB unless the owner says more");
    }

    @Test
    void anOwnersCollectorIsTheOnlyOneNamed() {
        List<String> options = JvmDefaults.options(4 * GB, List.of("-XX:+UseParallelGC"));
        assertEquals(List.of("-Xmx1024m", "-XX:MaxNewSize=32m", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000"),
                options, "two collectors stop the JVM");
        assertEquals("-XX:+UseG1GC", JvmDefaults.options(4 * GB, List.of("-Xmx300m", "-XX:+UseGCOverheadLimit")).get(0));
    }
}
