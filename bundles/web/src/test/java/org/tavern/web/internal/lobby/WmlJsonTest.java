package org.tavern.web.internal.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.wml.Document;

class WmlJsonTest {

    @Test
    void eachTopLevelTagIsOneMessageWithItsAttributesAndChildren() throws Exception {
        Document document = Document.parse("[message]\nsender=\"bob\"\nmessage=\"say \"\"hi\"\"\"\n[/message]\n"
                + "[whisper]\nsender=\"amy\"\n[x]\na=\"1\"\n[/x]\n[x]\na=\"2\"\n[/x]\n[/whisper]\n");
        assertEquals(List.of("[\"message\",[],{\"sender\":\"bob\",\"message\":\"say \\\"hi\\\"\"}]",
                "[\"whisper\",[],{\"sender\":\"amy\",\"x\":[{\"a\":\"1\"},{\"a\":\"2\"}]}]"), WmlJson.messages(document));
    }

    @Test
    void theLobbyListTravelsWholeAsOneGamelistMessage() throws Exception {
        Document list = Document.parse("[gamelist]\n[game]\nname=\"g\"\n[/game]\n[/gamelist]\n[user]\nname=\"a\"\n[/user]\n"
                + "[user]\nname=\"b\"\n[/user]\n");
        assertEquals(List.of("[\"gamelist\",[],{\"gamelist\":[{\"game\":[{\"name\":\"g\"}]}],"
                + "\"user\":[{\"name\":\"a\"},{\"name\":\"b\"}]}]"), WmlJson.messages(list));
    }

    @Test
    void rootAttributesTravelAsARootMessage() throws Exception {
        Document reject = Document.parse("version=\"1.16.9\"\n[reject]\naccepted_versions=\"1.16*\"\n[/reject]\n");
        assertEquals(List.of("[\"root\",[],{\"version\":\"1.16.9\"}]",
                "[\"reject\",[],{\"accepted_versions\":\"1.16*\"}]"), WmlJson.messages(reject));
    }

    @Test
    void requestsAreTheWmlAGameClientSends() throws Exception {
        var whisper = Document.parse(new String(LobbyRequests.whisper("amy", "bob", "he said \"hi\"").output(),
                java.nio.charset.StandardCharsets.UTF_8)).root().child("whisper");
        assertEquals("bob", whisper.text("receiver"));
        assertEquals("he said \"hi\"", whisper.text("message"));
        assertEquals("amy", whisper.text("sender"));
        var login = LobbyRequests.login("amy", "").root().child("login");
        assertEquals("amy", login.text("username"));
        assertEquals(false, login.has("password"));
        assertEquals("secret", LobbyRequests.login("amy", "secret").root().child("login").text("password"));
        assertEquals("lobby", LobbyRequests.chat("amy", "hi").root().child("message").text("room"));
        assertEquals("status", LobbyRequests.query("status").root().child("query").text("type"));
        assertEquals("1.16.0", LobbyRequests.version("1.16.0").root().child("version").text("version"));
    }
}
