package org.tavern.web.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientMessageTest {

    @Test
    void theEvenniaFormWithArgsAndKwargsLeftOutOrGiven() throws Exception {
        assertEquals(new ClientMessage("ping", List.of(), Map.of()), ClientMessage.parse("[\"ping\"]"));
        ClientMessage login = ClientMessage.parse("[\"login\", [\"amy\"], {\"password\": \"x\"}]");
        assertEquals("amy", login.arg(0, "name"));
        assertEquals("x", login.kwargs().get("password"));
        assertEquals("bob", ClientMessage.parse("[\"whisper\", [], {\"to\": \"bob\"}]").arg(0, "to"));
        assertEquals("", ClientMessage.parse("[\"chat\"]").arg(0, "text"));
    }

    @Test
    void anythingElseIsMalformedWithAReason() {
        for (String bad : List.of("", "{", "null", "42", "\"chat\"", "{\"chat\": 1}", "[]", "[1]", "[\"a\", {}]",
                "[\"a\", [1]]", "[\"a\", [null]]", "[\"a\", [], []]", "[\"a\", [], {\"k\": 1}]", "[\"a\", [], {}, 4]",
                "[\"a\", [[\"nested\"]]]")) {
            ClientMessage.Malformed malformed = assertThrows(ClientMessage.Malformed.class,
                    () -> ClientMessage.parse(bad), bad);
            assertTrue(!malformed.getMessage().isEmpty(), bad);
        }
    }
}
