package org.tavern.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server process's CPU time (user + system) and resident memory, read from /proc, so a result
 * holds even when the load generator shares the machine: CPU microseconds per unit of work do not
 * depend on who else runs. Without a pid every reading is zero and the fields say "na".
 */
final class ServerStats {

    /** Linux's USER_HZ; /proc/<pid>/stat counts CPU time in these ticks. */
    private static final long TICKS_PER_SECOND = 100;

    private final long pid;

    ServerStats(long pid) {
        this.pid = pid;
    }

    boolean known() {
        return pid > 0;
    }

    /** utime + stime of the process, all its threads, in microseconds. */
    long cpuMicros() {
        if (!known()) {
            return 0;
        }
        try {
            return parseCpuMicros(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
    }

    /**
     * The part of {@link #cpuMicros} spent by the process's JIT compiler threads (a JVM's
     * {@code C1/C2 CompilerThread}s; zero for a native server). Code that runs once per login
     * reaches C2's thresholds only after thousands of logins, so a storm on a young JVM pays for
     * compiling it: this says how much of the CPU per login that was. A thread that ended between
     * two readings is missed, so this is a lower bound.
     */
    long compilerMicros() {
        if (!known()) {
            return 0;
        }
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                if (isCompilerThread(stat)) {
                    total += parseCpuMicros(stat);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return total;
    }

    /** HotSpot names them "C1 CompilerThre" and "C2 CompilerThre" (15 characters, cut by the kernel). */
    static boolean isCompilerThread(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /**
     * Context switches of all the process's threads so far: {voluntary, involuntary}, summed over
     * {@code /proc/<pid>/task/<tid>/status} (the process's own status counts its main thread only). A
     * voluntary one is a thread that blocked (a futex, a selector, a read): each hand-off between
     * threads costs one. A thread that ended between two readings is missed.
     */
    long[] contextSwitches() {
        long[] total = new long[2];
        if (!known()) {
            return total;
        }
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    long[] one = parseContextSwitches(Files.readString(task.resolve("status")));
                    total[0] += one[0];
                    total[1] += one[1];
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return total;
    }

    static long[] parseContextSwitches(String status) {
        long[] switches = new long[2];
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                switches[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                switches[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return switches;
    }

    /** VmRSS in kilobytes. */
    long rssKb() {
        if (!known()) {
            return 0;
        }
        try {
            return parseRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status: " + e.getMessage(), e);
        }
    }

    /** Fields 14 and 15 of a stat line; the command name (field 2) may hold spaces and ')' so count from the last ')'. */
    static long parseCpuMicros(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        String[] fields = afterName.trim().split(" ");
        // afterName starts at field 3 (state): utime is field 14, stime 15.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000 / TICKS_PER_SECOND;
    }

    static long parseRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no VmRSS line in /proc status");
    }
}
