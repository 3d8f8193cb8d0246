package org.tavern.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.tavern.identity.Wildcards;

/**
 * The stores' SQL wildcard conditions select exactly the names the in-memory {@link Wildcards}
 * matcher accepts, on H2 and on a real PostgreSQL (started here; without its binaries this fails,
 * saying what to install). Names and masks mix wildcards, SQL's own special characters, quotes,
 * newlines and characters inside and outside the Basic Multilingual Plane.
 */
class SqlWildcardsAgreementTest {

    /** Characters of the generated names and masks: SQL specials, quotes, case, and non-ASCII (two outside the BMP). */
    private static final int[] ALPHABET = "aAb%_\\'\".+ \n*?é中ß".codePoints().toArray();
    private static final int[] ASTRAL = {0x1F600, 0x1D538};

    private static Path h2Folder;
    private static Database h2;
    private static PostgresCluster cluster;
    private static Database postgres;

    @BeforeContainer
    static void startDatabases() throws Exception {
        h2Folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "wildcards-h2-");
        h2 = probeTable(new Database(Database.Settings.of(Database.Settings.defaultUrl(h2Folder))));
        cluster = PostgresCluster.start(Path.of("target"));
        postgres = probeTable(new Database(new Database.Settings(cluster.url(cluster.createDatabase()),
                PostgresCluster.USER, PostgresCluster.PASSWORD, 2, 10, "test", 100)));
    }

    @AfterContainer
    static void stopDatabases() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    private static Database probeTable(Database database) {
        database.write("creating the probe table", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE wildcard_probe (id INT PRIMARY KEY, name VARCHAR(1000) NOT NULL)");
            }
            return null;
        });
        return database;
    }

    record Case(String mask, List<String> names) {
    }

    @Property(tries = 400)
    void h2SelectsWhatTheMatcherMatches(@ForAll("cases") Case probe) {
        assertAgreement(h2, probe);
    }

    @Property(tries = 400)
    void postgresqlSelectsWhatTheMatcherMatches(@ForAll("cases") Case probe) {
        assertAgreement(postgres, probe);
    }

    /** Cases found by hand that the generators reach only now and then. */
    @Example
    void knownHardCasesAgreeOnBothDatabases() {
        List<Case> cases = List.of(
                new Case("?", List.of("\uD83D\uDE00", "é", "ab", "")),
                new Case("a?b", List.of("a\uD83D\uDE00b", "a\uD83D\uDE00\uD83D\uDE00b", "a%b", "a_b", "ab")),
                new Case("100%", List.of("100%", "1000", "100")),
                new Case("a_c", List.of("abc", "a_c")),
                new Case("a\\*", List.of("a\\", "a\\bc", "a*")),
                new Case("*", List.of("*a", "", "\n")),
                new Case("1.16.+", List.of("1.16.", "1.16.9", "1.16.10", "1.16.+")),
                new Case("++a", List.of("xa", "xya", "a")),
                new Case("it's \"*\"", List.of("it's \"x\"", "its \"x\"")),
                new Case("*a*a*a*a*a*a*a*a*a*a*b", List.of("a".repeat(300), "a".repeat(30) + "b")));
        for (Database database : List.of(h2, postgres)) {
            for (Case probe : cases) {
                assertAgreement(database, probe);
            }
        }
    }

    private static void assertAgreement(Database database, Case probe) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < probe.names().size(); i++) {
            if (Wildcards.matches(probe.mask(), probe.names().get(i))) {
                expected.add(i);
            }
        }
        // Every case holds a name made from its mask; the generated others must also miss now and then.
        Statistics.label("some names miss").collect(expected.size() < probe.names().size());
        Statistics.label("some names miss").coverage(coverage -> coverage.check(true).percentage(p -> p > 30));
        SqlWildcards.Condition condition = SqlWildcards.matching(database.dialect(), "name", probe.mask());
        List<Integer> selected = database.write("probing " + probe.mask(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM wildcard_probe");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO wildcard_probe (id, name) VALUES (?, ?)")) {
                for (int i = 0; i < probe.names().size(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, probe.names().get(i));
                    insert.executeUpdate();
                }
            }
            List<Integer> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM wildcard_probe WHERE " + condition.sql() + " ORDER BY id")) {
                select.setString(1, condition.parameter());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
            }
            return ids;
        });
        assertEquals(expected, selected, () -> database.dialect() + " with mask '" + probe.mask() + "' as "
                + condition + " on " + probe.names());
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> masks = text(Arbitraries.frequencyOf(
                Tuple.of(6, character()), Tuple.of(2, Arbitraries.just("*")),
                Tuple.of(2, Arbitraries.just("?")), Tuple.of(1, Arbitraries.just("+"))), 8);
        return masks.flatMap(mask -> Combinators.combine(text(character(), 6).list().ofMaxSize(6),
                instanceOf(mask).list().ofMinSize(1).ofMaxSize(2))
                .as((others, instances) -> {
                    List<String> names = new ArrayList<>(others);
                    names.addAll(instances);
                    return new Case(mask, names);
                }));
    }

    /**
     * One character (code point) as a string: mostly from the alphabet, sometimes any valid one but
     * NUL (which PostgreSQL cannot store).
     */
    private static Arbitrary<String> character() {
        Arbitrary<Integer> special = Arbitraries.of(concat(ALPHABET, ASTRAL)).map(Integer.class::cast);
        Arbitrary<Integer> any = Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        return Arbitraries.frequencyOf(Tuple.of(9, special), Tuple.of(1, any))
                .map(Character::toString);
    }

    private static Object[] concat(int[] a, int[] b) {
        Object[] all = new Object[a.length + b.length];
        for (int i = 0; i < a.length; i++) {
            all[i] = a[i];
        }
        for (int i = 0; i < b.length; i++) {
            all[a.length + i] = b[i];
        }
        return all;
    }

    private static Arbitrary<String> text(Arbitrary<String> pieces, int maxPieces) {
        return pieces.list().ofMaxSize(maxPieces).map(list -> String.join("", list));
    }

    /** A name the mask matches: each {@code *} becomes a few characters, {@code +} one or more, {@code ?} one. */
    private static Arbitrary<String> instanceOf(String mask) {
        List<Arbitrary<String>> pieces = new ArrayList<>();
        mask.codePoints().forEach(cp -> pieces.add(switch (cp) {
            case '*' -> text(character(), 3);
            case '+' -> character().list().ofMinSize(1).ofMaxSize(3).map(list -> String.join("", list));
            case '?' -> character();
            default -> Arbitraries.just(Character.toString(cp));
        }));
        return Combinators.combine(pieces).as(list -> String.join("", list));
    }
}
