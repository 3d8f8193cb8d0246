package org.tavern.admin.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrayJarsTest {

    @TempDir
    Path plugins;

    @Test
    void aJarThatIsNoBundleIsReportedOnceItHeldStillForAScanAndOnlyOnce() throws IOException {
        StrayJars strays = new StrayJars(plugins);
        jar(plugins.resolve("library.jar"), null);
        assertEquals(List.of(), strays.scan(Set.of()), "first seen: may still be being copied");
        assertEquals(List.of("library.jar ignored: not an OSGi bundle (its manifest has no Bundle-SymbolicName;"
                + " build plugins with bnd, see docs/plugins.md)"), strays.scan(Set.of()));
        assertEquals(List.of(), strays.scan(Set.of()), "said once");
    }

    @Test
    void aJarStillGrowingIsNotJudgedUntilItStops() throws IOException {
        StrayJars strays = new StrayJars(plugins);
        Path download = plugins.resolve("download.jar");
        Files.writeString(download, "PK half a");
        assertEquals(List.of(), strays.scan(Set.of()));
        Files.writeString(download, "PK half a zip, and more of it");
        assertEquals(List.of(), strays.scan(Set.of()), "changed since the last scan");
        assertEquals(1, strays.scan(Set.of()).size());
    }

    @Test
    void aChangedJarIsJudgedAgainAndBundlesOrInstalledJarsNever() throws IOException {
        StrayJars strays = new StrayJars(plugins);
        Path corrupt = plugins.resolve("corrupt.jar");
        Files.writeString(corrupt, "not a zip");
        jar(plugins.resolve("plugin.jar"), "org.example.plugin");
        Path installed = plugins.resolve("installed.jar");
        Files.writeString(installed, "FileInstall has it, whatever it holds");
        strays.scan(Set.of(installed));
        List<String> first = strays.scan(Set.of(installed));
        assertEquals(1, first.size(), first.toString());
        assertEquals(true, first.get(0).startsWith("corrupt.jar ignored: not a readable jar"), first.get(0));

        Files.writeString(corrupt, "still not a zip");
        Files.setLastModifiedTime(corrupt, FileTime.fromMillis(Files.getLastModifiedTime(corrupt).toMillis() + 5000));
        strays.scan(Set.of(installed));
        assertEquals(1, strays.scan(Set.of(installed)).size(), "the new content is judged too");
    }

    @Test
    void noPluginsFolderIsNothingToReport() {
        assertEquals(List.of(), new StrayJars(plugins.resolve("absent")).scan(Set.of()));
    }

    private static void jar(Path target, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        new JarOutputStream(Files.newOutputStream(target), manifest).close();
    }
}
