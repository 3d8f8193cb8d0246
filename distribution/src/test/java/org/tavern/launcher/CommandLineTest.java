package org.tavern.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final Path CWD = Path.of("/srv/tavern");

    private static CommandLine parse(String... args) throws CommandLine.UsageException {
        return CommandLine.parse(args, CWD);
    }

    @Test
    void defaultsMatchWesnothd() throws Exception {
        CommandLine line = parse();
        assertEquals(CommandLine.Action.RUN, line.action());
        assertEquals(15000, line.port());
        assertEquals(CWD, line.home());
        assertTrue(line.config().isEmpty());
        assertFalse(line.keepalive());
    }

    @Test
    void httpPortDefaultsTo15080AndZeroTurnsHttpOff() throws Exception {
        assertEquals(15080, parse().httpPort());
        assertEquals(18080, parse("--http-port", "18080").httpPort());
        assertEquals(0, parse("--http-port=0").httpPort());
        assertThrows(CommandLine.UsageException.class, () -> parse("--http-port", "70000"));
        assertThrows(CommandLine.UsageException.class, () -> parse("--http-port"));
    }

    @Test
    void shortAndLongOptionsWithSeparateOrInlineValues() throws Exception {
        assertEquals(16000, parse("-p", "16000").port());
        assertEquals(16001, parse("--port", "16001").port());
        assertEquals(16002, parse("--port=16002").port());
        assertEquals(Path.of("/srv/tavern/server.cfg"), parse("-c", "server.cfg").config().orElseThrow());
        assertEquals(Path.of("/etc/wesnothd.cfg"), parse("--config=/etc/wesnothd.cfg").config().orElseThrow());
        assertEquals(Path.of("/var/lib/tavern"), parse("--home", "../../var/lib/tavern").home());
        assertTrue(parse("--keepalive").keepalive());
    }

    @Test
    void wesnothdsDaemonThreadsAndVerboseFlags() throws Exception {
        CommandLine plain = parse();
        assertFalse(plain.daemon());
        assertFalse(plain.verbose());
        assertEquals(0, plain.threads());
        assertTrue(parse("-d").daemon());
        assertTrue(parse("--daemon").daemon());
        assertTrue(parse("-v").verbose());
        assertTrue(parse("--verbose").verbose());
        assertEquals(5, parse("-t", "5").threads());
        assertEquals(8, parse("--threads", "8").threads());
        assertEquals(9, parse("--threads=9").threads());
        CommandLine initScript = parse("-d", "-t", "4", "-v", "-c", "/etc/wesnoth/server.cfg", "-p", "15001");
        assertTrue(initScript.daemon() && initScript.verbose());
        assertEquals(15001, initScript.port());
        assertEquals(Path.of("/etc/wesnoth/server.cfg"), initScript.config().orElseThrow());
    }

    @Test
    void helpWinsOverVersion() throws Exception {
        assertEquals(CommandLine.Action.HELP, parse("--version", "--help").action());
        assertEquals(CommandLine.Action.HELP, parse("-h").action());
        assertEquals(CommandLine.Action.VERSION, parse("-V").action());
    }

    @Test
    void unknownOptionsAndBadValuesAreUsageErrors() {
        assertEquals("unknown option: --frobnicate",
                assertThrows(CommandLine.UsageException.class, () -> parse("--frobnicate")).getMessage());
        assertEquals("unknown option: server.cfg",
                assertThrows(CommandLine.UsageException.class, () -> parse("server.cfg")).getMessage());
        assertEquals("option -p needs a value",
                assertThrows(CommandLine.UsageException.class, () -> parse("-p")).getMessage());
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("-p", "65536")).getMessage()
                .startsWith("invalid port '65536'"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--port=-1")).getMessage()
                .startsWith("invalid port '-1'"));
        assertEquals("option -t needs a value",
                assertThrows(CommandLine.UsageException.class, () -> parse("-t")).getMessage());
        assertEquals("invalid thread count 'many': expected a whole number",
                assertThrows(CommandLine.UsageException.class, () -> parse("--threads", "many")).getMessage());
    }
}
