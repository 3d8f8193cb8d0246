package org.tavern.launcher;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line Tavern accepts: the wesnothd 1.16 options a server owner already types, so init
 * scripts written for wesnothd run it ({@code -p/--port}, {@code -c/--config}, {@code --keepalive},
 * {@code -d/--daemon}, {@code -t/--threads} (accepted, ignored), {@code -v/--verbose},
 * {@code -V/--version}, {@code -h/--help}) plus {@code --home}, the folder holding etc/, plugins/,
 * data/ and logs/. {@code threads} is 0 when not given.
 */
record CommandLine(Action action, int port, Optional<Path> config, Path home, boolean keepalive, boolean daemon,
        int threads, boolean verbose, int httpPort) {

    enum Action { RUN, HELP, VERSION }

    static final int DEFAULT_PORT = 15000;
    /** The web lobby, /admin, /metrics and /health; 0 turns HTTP off. */
    static final int DEFAULT_HTTP_PORT = 15080;

    static final String USAGE = String.join("\n",
            "Usage: java -jar tavern.jar [options]",
            "",
            "Tavern, a Battle for Wesnoth 1.16 multiplayer server.",
            "",
            "Options:",
            "  -p, --port <port>     port to listen on (default 15000)",
            "  -c, --config <file>   a wesnothd server.cfg to read",
            "      --home <dir>      folder for etc/, plugins/, data/ and logs/ (default: current folder)",
            "      --keepalive       enable TCP keepalive on player connections",
            "  -d, --daemon          run in the background (as bin/tavern start): returns once started",
            "  -t, --threads <n>     accepted for wesnothd's init scripts and ignored: Tavern's I/O",
            "                        threads are 'shards' in etc/tavern.transport.cfg",
            "  -v, --verbose         log Tavern's debug messages too",
            "      --http-port <port> port of the web lobby, /admin, /metrics and /health (default 15080; 0: no HTTP)",
            "  -V, --version         print the version and exit",
            "  -h, --help            print this help and exit",
            "",
            "With a terminal on stdin an interactive Gogo shell is started (type 'help');",
            "without one the server runs headless until it is sent SIGTERM.");

    /** Thrown for a command line we cannot run with; the message is meant for the user. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(String[] args, Path workingDirectory) throws UsageException {
        Action action = Action.RUN;
        int port = DEFAULT_PORT;
        Path config = null;
        Path home = workingDirectory;
        boolean keepalive = false;
        boolean daemon = false;
        int threads = 0;
        boolean verbose = false;
        int httpPort = DEFAULT_HTTP_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "-h", "--help" -> action = Action.HELP;
                case "-V", "--version" -> {
                    if (action != Action.HELP) {
                        action = Action.VERSION;
                    }
                }
                case "--keepalive" -> keepalive = true;
                case "-d", "--daemon" -> daemon = true;
                case "-v", "--verbose" -> verbose = true;
                case "-t", "--threads" -> {
                    String value = inlineValue != null ? inlineValue : valueAfter(args, ++i, arg);
                    threads = parseThreads(value);
                }
                case "-p", "--port" -> {
                    String value = inlineValue != null ? inlineValue : valueAfter(args, ++i, arg);
                    port = parsePort(value);
                }
                case "--http-port" -> {
                    String value = inlineValue != null ? inlineValue : valueAfter(args, ++i, arg);
                    httpPort = parsePort(value);
                }
                case "-c", "--config" -> {
                    String value = inlineValue != null ? inlineValue : valueAfter(args, ++i, arg);
                    config = workingDirectory.resolve(value).toAbsolutePath().normalize();
                }
                case "--home" -> {
                    String value = inlineValue != null ? inlineValue : valueAfter(args, ++i, arg);
                    home = workingDirectory.resolve(value).toAbsolutePath().normalize();
                }
                default -> throw new UsageException("unknown option: " + args[i]);
            }
        }
        return new CommandLine(action, port, Optional.ofNullable(config), home, keepalive, daemon, threads, verbose,
                httpPort);
    }

    private static String valueAfter(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].isEmpty()) {
            throw new UsageException("option " + option + " needs a value");
        }
        return args[index];
    }

    /** wesnothd takes any number and caps it at 30; a number it is here too, so a typo is caught. */
    private static int parseThreads(String value) throws UsageException {
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw new UsageException("invalid thread count '" + value + "': expected a whole number");
    }

    private static int parsePort(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw new UsageException("invalid port '" + value + "': expected a number from 0 to 65535");
    }
}
