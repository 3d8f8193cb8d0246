package org.tavern.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code -d/--daemon}, as wesnothd's: the server goes on in the background and the command returns.
 * A JVM cannot fork, so this starts the server JVM ({@link ServerJvm}: Tavern's JVM defaults, then
 * this one's options) in a session of its own ({@code setsid}, as {@code bin/tavern start} does:
 * closing the terminal sends it nothing, SIGHUP still reloads), its output appended to
 * {@code logs/console.log}, its pid in {@code data/tavern.pid} (so {@code bin/tavern status} and
 * {@code stop} know it). Unlike wesnothd it returns only once the server reported "Tavern started",
 * or with status 1 and the server's own reason if it ended first: an init script learns of a port
 * in use.
 */
final class Daemon {

    static final long START_TIMEOUT_SECONDS = 60;
    private static final String STARTED = "Tavern started";

    private Daemon() {
    }

    /** Starts the background server and returns the exit status for this process. */
    static int start(List<String> args, HomeLayout layout) throws IOException, InterruptedException {
        Path consoleLog = layout.home.resolve("logs/console.log");
        Path serverLog = layout.home.resolve("logs/tavern.log");
        Files.createDirectories(consoleLog.getParent());
        long logOffset = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        if (Files.exists(consoleLog)) {
            Files.move(consoleLog, consoleLog.resolveSibling("console.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        // In this process's folder, as the arguments' relative paths (-c server.cfg) are meant from there.
        Process server = new ProcessBuilder(command(args, layout))
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                .start();
        Path pidFile = layout.data.resolve("tavern.pid");
        Files.writeString(pidFile, server.pid() + "\n");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (server.waitFor(200, TimeUnit.MILLISECONDS)) {
                Files.deleteIfExists(pidFile);
                System.err.println("tavern: the server exited during start" + reason(consoleLog)
                        + " (see " + consoleLog + ")");
                return Main.EXIT_FAILURE;
            }
            if (loggedSince(serverLog, logOffset).contains(STARTED)) {
                System.out.println("Started Tavern as a daemon with process id " + server.pid());
                return 0;
            }
        }
        System.err.println("tavern: the server (process id " + server.pid() + ") has not reported '" + STARTED
                + "' after " + START_TIMEOUT_SECONDS + " s; it is left running: see " + serverLog);
        return Main.EXIT_FAILURE;
    }

    /** The server JVM ({@link ServerJvm}), with the arguments minus -d and with the home made explicit. */
    private static List<String> command(List<String> args, HomeLayout layout) {
        List<String> command = new ArrayList<>();
        if (ServerJvm.onPath("setsid")) {
            command.add("setsid"); // not a group leader here, so it execs java in place: the pid is java's
        }
        List<String> consoleLevel = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(option -> option.startsWith("-Dtavern.console.level="))
                ? List.of() : List.of("-Dtavern.console.level=warn"); // console.log needs no second copy of the log
        command.addAll(ServerJvm.javaAndOptions(consoleLevel));
        command.add("--home");
        command.add(layout.home.toString());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-d") || arg.equals("--daemon") || arg.startsWith("--home=")) {
                continue;
            }
            if (arg.equals("--home")) {
                i++;
                continue;
            }
            command.add(arg);
        }
        return command;
    }

    private static String loggedSince(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        int from = all.length < offset ? 0 : (int) offset; // rolled over meanwhile
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** The server's own one-line reason ("tavern: cannot listen on port 15000: ..."), if it printed one. */
    private static String reason(Path consoleLog) throws IOException {
        if (!Files.exists(consoleLog)) {
            return "";
        }
        String last = "";
        for (String line : Files.readAllLines(consoleLog, StandardCharsets.UTF_8)) {
            if (line.startsWith("tavern: ")) {
                last = line.substring("tavern: ".length());
            }
        }
        return last.isEmpty() ? "" : ": " + last;
    }
}
