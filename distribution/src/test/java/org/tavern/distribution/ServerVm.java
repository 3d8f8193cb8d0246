package org.tavern.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server's JVM holds after a full collection, read with {@code jcmd} (the JDK's own tool,
 * attached to the server's pid): the bytes of live objects, how many bundle class loaders are alive,
 * and how many Java threads run. A plugin that leaks on redeploy shows in these: every retained
 * revision keeps its class loader, every forgotten thread or timer adds a thread.
 */
final class ServerVm {

    /** Felix's class loader: one per bundle revision still reachable. */
    static final String BUNDLE_CLASS_LOADER = "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader";

    record Snapshot(long liveBytes, int bundleClassLoaders, int threads) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f MB live, %d bundle class loaders, %d threads",
                    liveBytes / 1048576.0, bundleClassLoaders, threads);
        }
    }

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");
    /** A Java thread in a thread dump: its quoted name, then its {@code #id}. */
    private static final Pattern JAVA_THREAD = Pattern.compile("(?m)^\"([^\"]*)\" #\\d+");

    private ServerVm() {
    }

    /**
     * Collects all garbage ({@code GC.class_histogram} runs a full GC before counting) and answers
     * what is left. Compiler threads, which the JVM starts and stops on its own, are not counted.
     */
    static Snapshot measure(long pid) throws IOException, InterruptedException {
        String histogram = jcmd(pid, "GC.class_histogram");
        Matcher total = TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new AssertionError("no Total line in the class histogram:\n" + histogram);
        }
        int loaders = 0;
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[3].equals(BUNDLE_CLASS_LOADER)) {
                loaders += Integer.parseInt(columns[1]);
            }
        }
        int threads = 0;
        Matcher thread = JAVA_THREAD.matcher(jcmd(pid, "Thread.print"));
        while (thread.find()) {
            if (!thread.group(1).contains("CompilerThread")) {
                threads++;
            }
        }
        return new Snapshot(Long.parseLong(total.group(2)), loaders, threads);
    }

    /**
     * The bundle class loaders that have defined classes, and how many of them define
     * {@code className} (one per revision of its bundle still loaded), from {@code VM.classloaders}.
     * A loader Felix makes when a bundle is first asked for it, before it defines anything, is not
     * in that tree: such first uses come at odd moments and are no leak. Run after {@link #measure}
     * (its full collection unloads what is unreachable).
     */
    record Loaders(int defining, int definingClass) {
    }

    static Loaders loaders(long pid, String className) throws IOException, InterruptedException {
        String tree = jcmd(pid, "VM.classloaders show-classes");
        Matcher loader = Pattern.compile("(?m)\\+-- " + Pattern.quote(BUNDLE_CLASS_LOADER) + "\\b").matcher(tree);
        int defining = 0;
        while (loader.find()) {
            defining++;
        }
        Matcher defined = Pattern.compile("(?m)^[\\s|]*" + Pattern.quote(className) + "$").matcher(tree);
        int definingClass = 0;
        while (defined.find()) {
            definingClass++;
        }
        return new Loaders(defining, definingClass);
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.command", "java")).resolveSibling("jcmd");
        List<String> arguments = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        arguments.addAll(List.of(command.split(" ")));
        Process process = new ProcessBuilder(arguments)
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(jcmd + " " + command + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
