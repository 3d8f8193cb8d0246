package org.tavern.launcher;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the JVM that runs the server, for the two launchers that start one: {@link
 * Daemon} ({@code -d}) and {@link Relaunch} ({@code java -jar tavern.jar} in the foreground). It is
 * the same java and jar, Tavern's {@link JvmDefaults}, then this JVM's own options (the owner's, so
 * they win), and {@code -Dtavern.relaunch=false} so that the server JVM does not start yet another.
 */
final class ServerJvm {

    /** Set to {@code false} by whoever already started the server JVM with the options it wants. */
    static final String RELAUNCH_PROPERTY = "tavern.relaunch";
    /** The pid of the launcher process a server JVM ends with (see {@link Relaunch#watchLauncher}). */
    static final String LAUNCHER_PID_PROPERTY = "tavern.launcher.pid";

    private ServerJvm() {
    }

    /** java, the default options, this JVM's options, then {@code extraOptions}, up to {@code -jar tavern.jar}. */
    static List<String> javaAndOptions(List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        List<String> ownOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        command.addAll(JvmDefaults.options(JvmDefaults.machineMemoryBytes(), ownOptions));
        command.addAll(ownOptions);
        command.add("-D" + RELAUNCH_PROPERTY + "=false");
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(jarPath());
        return command;
    }

    /** True unless the owner, or the process that started this JVM, said {@code -Dtavern.relaunch=false}. */
    static boolean relaunchWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(RELAUNCH_PROPERTY, "true"));
    }

    static String jarPath() {
        try {
            return Path.of(ServerJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where tavern.jar is: " + e, e);
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
