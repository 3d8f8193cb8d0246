package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tavern.identity.StoreException;

/** Bad settings are refused with a message that says what is wrong, never a crash. */
class DatabaseTest {

    @Test
    void anUnsupportedUrlIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Database(Database.Settings.of("jdbc:mysql://db/tavern?password=hunter2")));
        assertTrue(e.getMessage().startsWith("url must start with jdbc:h2: or jdbc:postgresql:"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "passwords are not printed: " + e.getMessage());
    }

    @Test
    void anUnreachablePostgresqlIsReportedWithItsUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/tavern";
        StoreException e = assertThrows(StoreException.class,
                () -> new Database(new Database.Settings(url, "tavern", "pw", 2, 1, "", 10)));
        assertTrue(e.getMessage().startsWith("cannot open the database " + url + " as tavern: "), e.getMessage());
    }

    @Test
    void badPoolSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Database.Settings("jdbc:h2:mem:x", "", "", 0, 10, "", 1));
        assertThrows(IllegalArgumentException.class, () -> new Database.Settings("jdbc:h2:mem:x", "", "", 4, 0, "", 1));
        assertThrows(IllegalArgumentException.class, () -> new Database.Settings("jdbc:h2:mem:x", "", "", 4, 10, "", -1));
        assertThrows(IllegalArgumentException.class, () -> new Database.Settings(" ", "", "", 4, 10, "", 1));
    }

    @Test
    void theDefaultIsAnH2FileInTheHomesDataFolder() {
        assertEquals("jdbc:h2:file:" + Path.of("/srv/tavern/data/tavern"),
                Database.Settings.defaultUrl(Path.of("/srv/tavern/./")));
        assertEquals(Database.Dialect.H2, Database.dialectOf("jdbc:h2:file:/x"));
        assertEquals(Database.Dialect.POSTGRESQL, Database.dialectOf("jdbc:postgresql://h/db"));
        assertEquals("jdbc:postgresql://h/db?user=a&password=***", Database.redacted("jdbc:postgresql://h/db?user=a&password=s3"));
    }

    @Test
    void aServerSharingADatabaseIsNamedByItsHostAndHomeUnlessNamed() {
        Path home = Path.of("/srv/tavern-a");
        String a = Database.Settings.defaultInstance(home);
        assertTrue(a.endsWith(":" + home), a);
        assertEquals(a, Database.Settings.defaultInstance(Path.of("/srv/./tavern-a")), "the same at every start");
        assertFalse(a.equals(Database.Settings.defaultInstance(Path.of("/srv/tavern-b"))), "another server, another name");
        assertEquals(255, Database.Settings.defaultInstance(Path.of("/" + "x".repeat(300))).length());
    }
}
