package org.tavern.lobby.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lobby's packages depend downwards only: the model below the commands below the wiring (see
 * docs/architecture.md, "Lobby packages"). Read from the sources' imports, so a class that reaches
 * up (or sideways into a room of its own layer) fails the build with the import named.
 */
class PackageLayersTest {

    private static final String ROOT = "org.tavern.lobby.internal";

    /** Each package's layer: a package may import its own and those of lower layers only. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("common", 0), Map.entry("metrics", 0),
            Map.entry("ban", 1), Map.entry("plugin", 1), Map.entry("history", 1), Map.entry("snapshot", 1),
            Map.entry("game", 2),
            Map.entry("game.command", 3),
            Map.entry("lobby", 4),
            Map.entry("login", 5), Map.entry("query", 5),
            Map.entry("admin", 6),
            Map.entry("command", 7),
            Map.entry("", 8));

    /** A package is its lower-case segments; a nested type's import ({@code LobbySnapshot.GameEntry}) names the same package. */
    private static final Pattern IMPORT = Pattern.compile("^import (" + Pattern.quote(ROOT) + "(?:\\.[a-z]\\w*)*)\\.[A-Z][\\w.]*;",
            Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyItsOwnAndLowerLayers() throws IOException {
        Path sources = Path.of("src/main/java", ROOT.split("\\."));
        List<String> upward = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = sources.relativize(file.getParent()).toString().replace('/', '.');
                String text = Files.readString(file);
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    String imported = imports.group(0).substring("import ".length(), imports.group(0).length() - 1);
                    String to = imports.group(1).equals(ROOT) ? "" : imports.group(1).substring(ROOT.length() + 1);
                    if (!LAYERS.containsKey(from)) {
                        unknown.add(from);
                    } else if (!LAYERS.containsKey(to)) {
                        unknown.add(to);
                    } else if (!to.equals(from) && LAYERS.get(to) >= LAYERS.get(from)) {
                        upward.add(file.getFileName() + " (" + (from.isEmpty() ? "internal" : from) + ") imports "
                                + imported);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), unknown, "packages without a layer: give each one in LAYERS");
        assertEquals(List.of(), upward, "imports that do not point down");
    }
}
