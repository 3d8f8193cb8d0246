package org.tavern.admin.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * data/console.port and data/console.token: how the launcher on the same machine finds the console
 * and proves it may use it. Both are readable by the server's user only, written atomically (a
 * client never reads half a token) and removed at close, unless another server has replaced them.
 */
final class ConsoleFiles {

    static final String PORT_FILE = "console.port";
    static final String TOKEN_FILE = "console.token";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFiles.class);

    private final Path dataDir;
    private String portText;
    private String tokenText;

    ConsoleFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path tokenFile() {
        return dataDir.resolve(TOKEN_FILE);
    }

    Path portFile() {
        return dataDir.resolve(PORT_FILE);
    }

    /** The token goes first: a client that finds the port file also finds the matching token. */
    void write(int port, String token) throws IOException {
        Files.createDirectories(dataDir);
        tokenText = token + "\n";
        portText = port + "\n";
        writePrivately(tokenFile(), tokenText);
        writePrivately(portFile(), portText);
    }

    void remove() {
        removeIfOurs(portFile(), portText);
        removeIfOurs(tokenFile(), tokenText);
    }

    private void writePrivately(Path target, String text) throws IOException {
        Path temp;
        try {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            temp = Files.createTempFile(dataDir, ".console-", ".tmp", ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("{} is not on a POSIX file system: restrict who can read it by other means", target);
            temp = Files.createTempFile(dataDir, ".console-", ".tmp");
        }
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void removeIfOurs(Path file, String expected) {
        if (expected == null) {
            return;
        }
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                Files.delete(file);
            } else if (Files.exists(file)) {
                LOG.info("{} was rewritten by another server; left in place", file);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.toString());
        }
    }
}
