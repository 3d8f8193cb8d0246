package org.tavern.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wesnothd server.cfg read and mapped onto Tavern's configurations; every malformed file names its line. */
class ServerCfgMappingTest {

    private static ServerCfgMapping.Result map(String text) throws ConfigFile.Malformed {
        return ServerCfgMapping.map(ConfigFileParser.parse(text));
    }

    private static Map<String, Object> lobby(ServerCfgMapping.Result result) {
        return result.configurations().get(ServerCfgMapping.LOBBY);
    }

    @Test
    void keysLandInTheConfigurationOfTheirOwnerWithTheirTypes() throws Exception {
        ServerCfgMapping.Result result = map(String.join("\n",
                "# comment",
                "#textdomain wesnoth-multiplayer",
                "motd=\"Hello \"\"you\"\"\" + _ \" and\" +",
                "   \" welcome\"",
                "information=<<raw # not a comment>>",
                "max_messages = 6",
                "save_replays=yes",
                "allow_remote_shutdown=off",
                "connections_allowed=0",
                "tls_enabled=true",
                "tls_private_key=/etc/key.pem",
                "fifo_path=/run/wesnothd/socket   # trailing comment",
                "a,b=1,2",
                "[redirect]",
                "  host=old.example.org",
                "  port=14999",
                "  version=1.14.*",
                "[/redirect]",
                "[ban_time]",
                "  name=short",
                "  time=2m",
                "[/ban_time]",
                "[+ban_time]",
                "  time=3m",
                "[/ban_time]",
                ""));
        assertEquals("Hello \"you\" and welcome", lobby(result).get("motd"));
        assertEquals("raw # not a comment", lobby(result).get("information"));
        assertEquals(6, lobby(result).get("max.messages"));
        assertEquals(Boolean.TRUE, lobby(result).get("save.replays"));
        assertEquals(Boolean.FALSE, lobby(result).get("allow.remote.shutdown"));
        assertEquals(0, lobby(result).get("connections.allowed"));
        Map<String, Object> transport = result.configurations().get(ServerCfgMapping.TRANSPORT);
        assertEquals(Boolean.TRUE, transport.get("tls.enabled"));
        assertEquals("/etc/key.pem", transport.get("tls.private.key"));
        assertEquals(0, transport.get("connections.per.address"), "no limit means no flood bound either");
        assertEquals("/run/wesnothd/socket", result.configurations().get(ServerCfgMapping.ADMIN).get("fifo.path"));
        assertArrayEquals(new String[] {"host=old.example.org;port=14999;version=1.14.*"},
                (String[]) lobby(result).get("redirect"));
        assertArrayEquals(new String[] {"short=3m"}, (String[]) lobby(result).get("ban.times"), "[+tag] amends");
        assertEquals(2, result.notices().size(), result.notices().toString());
        assertTrue(result.notices().get(0).startsWith("line 13: unknown key a ignored"), result.notices().toString());
    }

    @Test
    void failedLoginKeysReachTheLobby() throws Exception {
        ServerCfgMapping.Result result = map("failed_logins_limit=3\nfailed_logins_ban=600\nfailed_logins_buffer_size=50\n");
        assertEquals(3, lobby(result).get("failed.logins.limit"));
        assertEquals(600, lobby(result).get("failed.logins.ban"));
        assertEquals(1, result.notices().size(), result.notices().toString());
        assertTrue(result.notices().get(0).contains("failed_logins_buffer_size is accepted but has no effect"),
                result.notices().toString());
    }

    @Test
    void wesnothdKeysTavernDoesNotUseAreAcceptedAndReported() throws Exception {
        ServerCfgMapping.Result result = map("id=x\ntls_dh=/etc/dh.pem\n[proxy]\nhost=h\n[/proxy]\n[user_handler]\ndb_host=h\n[/user_handler]\n");
        assertEquals(4, result.notices().size(), result.notices().toString());
        assertTrue(result.notices().get(0).contains("id is accepted but has no effect"), result.notices().toString());
        assertTrue(result.notices().get(2).contains("[proxy]"), result.notices().toString());
    }

    private static void assertMalformed(String text, int line, String words) {
        ConfigFile.Malformed e = assertThrows(ConfigFile.Malformed.class, () -> map(text));
        assertEquals(line, e.line, e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void everyMalformedFileNamesItsLine() {
        assertMalformed("motd=hi\n[redirect]\nhost=h\n", 2, "[redirect] is never closed");
        assertMalformed("[a]\n[/b]\n", 2, "[/b] closes [a] opened on line 1");
        assertMalformed("[/a]\n", 1, "closes nothing");
        assertMalformed("motd=ok\njust words\n", 2, "expected key=value");
        assertMalformed("\n\nmotd=\"never closed\nmore\n", 3, "quoted value never ends");
        assertMalformed("max_messages=many\n", 1, "max_messages needs a whole number, got 'many'");
        assertMalformed("max_messages=-1\n", 1, "must not be negative");
        assertMalformed("save_replays=perhaps\n", 1, "save_replays needs yes or no");
        assertMalformed("#define X\n#enddef\n", 1, "#define is not supported");
        assertMalformed("{SOME_MACRO}\n", 1, "macros");
        assertMalformed("[redirect]\nport=1\n[/redirect]\n", 1, "[redirect] needs host= and version=");
        assertMalformed("[ban_time]\nname=x\n[/ban_time]\n", 1, "[ban_time] needs name= and time=");
        assertMalformed("motd=\"a\" b\n", 1, "unexpected text after the value");
        assertMalformed("[bad name]\n[/bad name]\n", 1, "invalid tag name");
        assertMalformed("[a] x\n[/a]\n", 1, "unexpected text after the tag");
        assertMalformed("k=v\"q\n", 1, "a quote inside an unquoted value");
        assertMalformed("[a]\n".repeat(40), 33, "nested deeper");
    }

    @Test
    void anEmptyFileIsValid() throws Exception {
        ServerCfgMapping.Result result = map("");
        assertTrue(lobby(result).isEmpty());
        assertTrue(result.notices().isEmpty());
    }
}
