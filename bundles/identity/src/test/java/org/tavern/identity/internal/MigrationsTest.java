package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void everyScriptInTheFolderIsListedInOrder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> found = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(found, Migrations.SCRIPTS);
        }
        List<Migrations.Script> scripts = Migrations.scripts();
        for (int i = 0; i < scripts.size(); i++) {
            assertEquals(i + 1, scripts.get(i).version(), "versions are 1, 2, 3, ... in order");
        }
    }

    @Test
    void scriptsSplitIntoStatements() {
        List<String> statements = Migrations.statements("-- comment\nCREATE TABLE a (\n  x INT\n);\n\n"
                + "CREATE INDEX i ON a (x);\nINSERT INTO a VALUES (1)");
        assertEquals(List.of("CREATE TABLE a (\nx INT\n)", "CREATE INDEX i ON a (x)", "INSERT INTO a VALUES (1)"),
                statements);
        assertTrue(Migrations.statements(Migrations.scripts().get(0).text()).size() >= 8);
    }
}
