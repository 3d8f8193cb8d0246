package org.tavern.admin.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleFilesTest {

    @TempDir
    Path temp;

    @Test
    void writesPortAndTokenReadableByTheOwnerOnlyAndRemovesThem() throws Exception {
        Path data = temp.resolve("data");
        ConsoleFiles files = new ConsoleFiles(data);
        files.write(4242, "abc123");
        assertEquals("4242\n", Files.readString(data.resolve("console.port")));
        assertEquals("abc123\n", Files.readString(data.resolve("console.token")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("console.token"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("console.port"))));

        files.remove();
        assertFalse(Files.exists(data.resolve("console.port")));
        assertFalse(Files.exists(data.resolve("console.token")));
        try (var left = Files.list(data)) {
            assertEquals(0, left.count(), "no temporary files left behind");
        }
    }

    @Test
    void leavesFilesThatAnotherServerRewrote() throws Exception {
        ConsoleFiles files = new ConsoleFiles(temp);
        files.write(1, "mine");
        Files.writeString(temp.resolve("console.token"), "theirs\n");
        files.remove();
        assertTrue(Files.exists(temp.resolve("console.token")));
        assertFalse(Files.exists(temp.resolve("console.port")));
    }
}
