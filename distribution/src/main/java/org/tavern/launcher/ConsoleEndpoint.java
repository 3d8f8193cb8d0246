package org.tavern.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a running server's console is and the token it wants: data/console.port and
 * data/console.token, written by the server's RemoteConsole while it runs.
 */
record ConsoleEndpoint(int port, String token) {

    static final String PORT_FILE = "console.port";
    static final String TOKEN_FILE = "console.token";

    /** Why there is no endpoint to use; {@code unreachable} says the server is (probably) not running. */
    static final class Unavailable extends Exception {
        final boolean unreachable;

        Unavailable(String message, boolean unreachable) {
            super(message);
            this.unreachable = unreachable;
        }
    }

    static ConsoleEndpoint read(Path home) throws Unavailable {
        Path data = home.resolve("data");
        String portText = readFile(data.resolve(PORT_FILE), home);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new Unavailable(data.resolve(PORT_FILE) + " holds no port number", true);
        }
        if (port < 1 || port > 65535) {
            throw new Unavailable(data.resolve(PORT_FILE) + " holds no port number", true);
        }
        String token = readFile(data.resolve(TOKEN_FILE), home);
        if (token.isEmpty()) {
            throw new Unavailable(data.resolve(TOKEN_FILE) + " is empty", true);
        }
        return new ConsoleEndpoint(port, token);
    }

    private static String readFile(Path file, Path home) throws Unavailable {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new Unavailable("no running Tavern in " + home + " (" + file.getFileName() + " is missing)", true);
        } catch (AccessDeniedException e) {
            throw new Unavailable("cannot read " + file + ": run this as the user the server runs as", false);
        } catch (IOException e) {
            throw new Unavailable("cannot read " + file + ": " + e, false);
        }
    }
}
