package org.tavern.launcher;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM options Tavern's server runs with unless the owner gives his own (his come later on the
 * command line, and HotSpot takes the last of a flag). {@code java -jar tavern.jar} cannot carry
 * JVM options in its manifest, so the launcher starts the server in a second JVM with these
 * ({@link Relaunch}); {@code -d} and {@code bin/tavern start} pass them to the one JVM they start.
 * <ul>
 *   <li>G1, named: on a machine with one core or under 1792 MB the JVM would pick the serial
 *   collector, which never gives heap back while idle;</li>
 *   <li>a young generation of at most {@value #YOUNG_MB} MB: G1 otherwise lets it grow to 60% of
 *   the heap while a flood allocates, and every page of it touched once stays resident (a 30 s chat
 *   flood grew the process by 120 MB; with this bound by 35 MB, docs/performance.md);</li>
 *   <li>a largest heap of a quarter of the machine's memory, as the JVM's own default, but at most
 *   {@value #MAX_HEAP_MB} MB (the admin guide's rule for 10 000 players) and at least
 *   {@value #MIN_HEAP_MB} MB;</li>
 *   <li>smaller inlining budgets for C2: with the defaults, the relay's path from MINA's codec filter
 *   down to the game compiled into 35-50 KB of machine code per method, 100-140 ms of compiler CPU
 *   each, compiled again as the profiles moved, so that the compiler took more CPU than the relay
 *   for the server's first minute. With these the compiles are cheap and the code as fast, the path
 *   being bound by system calls (issue 24's figures in docs/performance.md).</li>
 * </ul>
 */
public final class JvmDefaults {

    static final int YOUNG_MB = 32;
    static final long MAX_HEAP_MB = 2048;
    static final long MIN_HEAP_MB = 256;
    /** Bytecodes of a hot callee C2 still inlines (HotSpot's default on x86: 325). */
    static final int FREQ_INLINE_SIZE = 100;
    /** Machine-code bytes of an already compiled callee C2 still inlines (default: 2500). */
    static final int INLINE_SMALL_CODE = 1000;

    private JvmDefaults() {
    }

    /** The JVM's collectors: naming two makes it refuse to start. */
    private static final java.util.Set<String> COLLECTORS = java.util.Set.of("-XX:+UseSerialGC",
            "-XX:+UseParallelGC", "-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC");

    /** Prints the options, one per line, for {@code bin/tavern start}; its arguments are the owner's options. */
    public static void main(String[] args) {
        options(machineMemoryBytes(), List.of(args)).forEach(System.out::println);
    }

    /**
     * The options to put before {@code ownerOptions}. Those win flag by flag, as HotSpot takes the
     * last of a flag, except the collector: a second one stops the JVM ("Multiple garbage collectors
     * selected"), so G1 is named only when the owner names none.
     */
    static List<String> options(long machineMemoryBytes, List<String> ownerOptions) {
        long quarterMb = machineMemoryBytes / 4 / (1024 * 1024);
        long heapMb = Math.max(MIN_HEAP_MB, Math.min(MAX_HEAP_MB, quarterMb));
        List<String> options = new java.util.ArrayList<>();
        if (ownerOptions.stream().noneMatch(COLLECTORS::contains)) {
            options.add("-XX:+UseG1GC");
        }
        options.addAll(List.of("-Xmx" + heapMb + "m", "-XX:MaxNewSize=" + YOUNG_MB + "m",
                "-XX:FreqInlineSize=" + FREQ_INLINE_SIZE, "-XX:InlineSmallCode=" + INLINE_SMALL_CODE));
        return options;
    }

    /** What the JVM counts as the machine's memory (a container's limit inside one). */
    static long machineMemoryBytes() {
        java.lang.management.OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        if (system instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 4; // the JVM's own default is a quarter of it
    }
}
