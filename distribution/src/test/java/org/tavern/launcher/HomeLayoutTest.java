package org.tavern.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLayoutTest {

    @TempDir
    Path temp;

    @Test
    void createsFoldersAndDefaultFiles() throws Exception {
        HomeLayout layout = new HomeLayout(temp.resolve("home"));
        layout.create();
        for (Path dir : new Path[] {layout.etc, layout.plugins, layout.data, layout.logs}) {
            assertTrue(Files.isDirectory(dir), dir.toString());
        }
        assertTrue(Files.readString(layout.etc.resolve("log4j2.xml")).contains("tavern.log"));
    }

    @Test
    void keepsAnOwnersEditedLoggingConfiguration() throws Exception {
        HomeLayout layout = new HomeLayout(temp);
        layout.create();
        Files.writeString(layout.etc.resolve("log4j2.xml"), "<Configuration/>");
        layout.create();
        assertEquals("<Configuration/>", Files.readString(layout.etc.resolve("log4j2.xml")));
    }

    /** The defaults of earlier versions, as they were committed (test resources), are never-edited files. */
    @Test
    void replacesAnEarlierDefaultLoggingConfigurationWithTodays() throws Exception {
        HomeLayout layout = new HomeLayout(temp);
        layout.create();
        String today = Files.readString(layout.etc.resolve("log4j2.xml"));
        assertTrue(today.contains("IfLastModified"), "today's default has log retention");
        for (String commit : new String[] {"1cb8f40", "9c386e2", "6632d14", "6babf92", "2c63b46", "a5088cd"}) {
            byte[] earlier;
            try (var in = HomeLayoutTest.class.getResourceAsStream("earlier-defaults/log4j2-" + commit + ".xml")) {
                earlier = in.readAllBytes();
            }
            Files.write(layout.etc.resolve("log4j2.xml"), earlier);
            layout.create();
            assertEquals(today, Files.readString(layout.etc.resolve("log4j2.xml")), "the default of " + commit);
        }
        Files.writeString(layout.etc.resolve("log4j2.xml"), today.replace("30d", "90d"));
        layout.create();
        assertTrue(Files.readString(layout.etc.resolve("log4j2.xml")).contains("90d"), "an edited file stays");
    }

    @Test
    void pluginWatchConfigPointsAtThisHomeEvenAfterAMove() throws Exception {
        Path odd = temp.resolve("a dir=with:odd chars");
        new HomeLayout(temp.resolve("old")).create();
        HomeLayout layout = new HomeLayout(odd);
        layout.create();
        Properties watch = new Properties();
        try (var in = Files.newInputStream(layout.etc.resolve(HomeLayout.PLUGIN_WATCH_CONFIG))) {
            watch.load(in);
        }
        assertEquals(layout.plugins.toString(), watch.getProperty("felix.fileinstall.dir"));
        assertEquals(".*\\.jar", watch.getProperty("felix.fileinstall.filter"));
        assertEquals("false", watch.getProperty("felix.fileinstall.bundles.new.start"), "started by tavern.admin, not FileInstall");
    }
}
