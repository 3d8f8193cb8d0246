package org.tavern.launcher;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * {@code java -jar tavern.jar} in the foreground: the manifest cannot carry JVM options, so this JVM
 * (the launcher) starts the server in a second one with {@link JvmDefaults} and stays as its stand-in
 * for whoever started it: the server shares its stdin, stdout and stderr (the Gogo shell and a
 * terminal work as before); TERM, INT and HUP sent to the launcher go on to the server (stop, stop,
 * reload server.cfg); the launcher ends with the server's exit status. The server ends when the
 * launcher does, even killed with -9 ({@link #watchLauncher}), so no server outlives its command.
 * {@code -Dtavern.relaunch=false} runs the server in the first JVM, with the options it was given.
 */
final class Relaunch {

    private Relaunch() {
    }

    /** Starts the server JVM with the same arguments and returns its exit status once it ended. */
    static int run(List<String> args) throws IOException, InterruptedException {
        List<String> command = ServerJvm.javaAndOptions(
                List.of("-D" + ServerJvm.LAUNCHER_PID_PROPERTY + "=" + ProcessHandle.current().pid()));
        command.addAll(args);
        Process server = new ProcessBuilder(command).inheritIO().start();
        forward(server, "TERM");
        forward(server, "INT");
        forward(server, "HUP");
        while (true) {
            try {
                return server.waitFor();
            } catch (InterruptedException e) {
                // nothing interrupts this thread on purpose: keep standing in for the server
            }
        }
    }

    /**
     * The signal, caught here, is sent on to the server instead of ending this JVM. A signal this JVM
     * was started ignoring (HUP under nohup) stays ignored, and the server inherited that.
     */
    private static void forward(Process server, String name) {
        try {
            Signal.handle(new Signal(name), signal -> send(server, name));
        } catch (IllegalArgumentException e) {
            // this platform has no such signal, or the JVM keeps it (-Xrs): the server gets it from the terminal
        }
    }

    private static void send(Process server, String name) {
        if (name.equals("TERM")) {
            server.destroy(); // SIGTERM
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(server.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("tavern: could not pass SIG" + name + " on to the server (process id " + server.pid()
                    + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * In the server JVM started by {@link #run}: when the launcher ends (killed, its terminal gone),
     * the server stops as it does on SIGTERM, so a supervisor that killed the launcher finds no
     * server left holding the port.
     */
    static void watchLauncher() {
        String pid = System.getProperty(ServerJvm.LAUNCHER_PID_PROPERTY);
        if (pid == null) {
            return;
        }
        long launcherPid;
        try {
            launcherPid = Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle launcher = ProcessHandle.of(launcherPid).orElse(null);
        Runnable stop = () -> {
            System.err.println("tavern: the launcher process " + launcherPid + " ended; stopping the server");
            new Thread(() -> System.exit(0), "launcher-gone").start();
        };
        if (launcher == null || !launcher.isAlive()) {
            stop.run();
            return;
        }
        launcher.onExit().thenRun(stop);
    }
}
