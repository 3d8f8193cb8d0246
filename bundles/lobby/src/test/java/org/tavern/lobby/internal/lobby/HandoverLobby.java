package org.tavern.lobby.internal.lobby;

import java.util.HashMap;
import java.util.Map;
import org.tavern.lobby.internal.LobbyAssembly;
import org.tavern.lobby.internal.ban.BanList;
import org.tavern.lobby.internal.common.Settings;
import org.tavern.lobby.internal.game.GameTest;
import org.tavern.lobby.internal.testing.FakeConnection;
import org.tavern.lobby.internal.testing.FakeGameRecords;
import org.tavern.lobby.internal.testing.LobbyDriver;
import org.tavern.wml.Document;

/**
 * A lobby (actors run each task at once) with games in every phase a handover meets: one running
 * with turns played, a late observer and a mute; one shown but not started; one created without a
 * level yet; one whose host moved on to the next scenario. Beside them an idle moderator who chatted,
 * a connection that sent only its version, one that sent nothing, bans, a failed login.
 */
final class HandoverLobby {

    static final long NOW = 1_000_000;

    final Lobby lobby = LobbyAssembly.create(Runnable::run, () -> NOW, Settings.defaults());
    final LobbyDriver clients = new LobbyDriver(lobby);
    /** Every connection by name (the two that never logged in are "versioned" and "silent"). */
    final Map<String, FakeConnection> connections = new HashMap<>();

    HandoverLobby() throws Exception {
        lobby.gameArchive().useStore(new FakeGameRecords()); // the games' records are open ones to hand over
        String[] names = {"h1", "j1", "o1", "h2", "j2", "h3", "h4", "j4", "idle"};
        for (int i = 0; i < names.length; i++) {
            connections.put(names[i], clients.loggedIn(names[i], "10.0.0." + (10 + i)));
        }
        FakeConnection versioned = new FakeConnection("127.0.0.2");
        lobby.connected(versioned);
        clients.send(versioned, "[version]\nversion=\"1.16.9\"\n[/version]\n");
        connections.put("versioned", versioned);
        FakeConnection silent = new FakeConnection("127.0.0.3");
        lobby.connected(silent);
        connections.put("silent", silent);

        startDuel(1, "h1", "j1");
        send("h1", "[turn]\n[command]\n[move]\nx=\"1\"\n[/move]\n[/command]\n[/turn]\n");
        send("h1", "[turn]\n[command]\n[end_turn]\nnext_player_number=2\n[/end_turn]\n[/command]\n[/turn]\n");
        send("j1", "[turn]\n[command]\n[recruit]\ntype=\"Grunt\"\n[/recruit]\n[/command]\n[/turn]\n");
        send("o1", "[join]\nid=\"1\"\nobserve=\"yes\"\n[/join]\n");
        send("h1", "[mute]\nusername=\"o1\"\n[/mute]\n");

        send("h2", "[create_game]\nname=\"Waiting\"\npassword=\"secret\"\n[/create_game]\n");
        send("h2", GameTest.LEVEL);
        send("j2", "[join]\nid=\"2\"\nobserve=\"no\"\npassword=\"secret\"\n[/join]\n");

        send("h3", "[create_game]\nname=\"No level yet\"\npassword=\"\"\n[/create_game]\n");

        startDuel(4, "h4", "j4");
        send("h4", "[turn]\n[command]\n[move]\nx=\"2\"\n[/move]\n[/command]\n[/turn]\n");
        send("h4", "[store_next_scenario]\n" + GameTest.LEVEL.replace("duel", "second") + "[/store_next_scenario]\n");

        send("idle", "[message]\nmessage=\"hello\"\nroom=\"lobby\"\n[/message]\n");
        lobby.setModerator(lobby.user("idle"), true);
        lobby.bans().add(new BanList.Ban("10.1.*", "spammer", "spam", NOW - 5, 0, "idle", ""));
        lobby.bans().add(new BanList.Ban("10.2.0.1", "", "lifted", NOW - 9, NOW + 99, "idle", "g"));
        lobby.bans().remove("10.2.0.1");
        lobby.failedLogins().recordAndCheck("10.0.0.9", NOW - 1);
        connections.values().forEach(FakeConnection::take);
    }

    void send(String name, String wml) throws Exception {
        clients.send(connections.get(name), wml);
    }

    private void startDuel(int id, String host, String joiner) throws Exception {
        send(host, "[create_game]\nname=\"Duel " + id + "\"\npassword=\"\"\n[/create_game]\n");
        send(host, GameTest.LEVEL.replace("player_id=\"host\"", "player_id=\"" + host + "\""));
        send(joiner, "[join]\nid=\"" + id + "\"\nobserve=\"no\"\n[/join]\n");
        send(host, "[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\nplayer_id=\"" + joiner + "\"\n[/insert]\n[/side]\n[/change_child]\n[/scenario]\n"
                + "[/change_child]\n[/scenario_diff]\n");
        send(host, "[start_game]\n[/start_game]\n");
    }

    /** A new empty lobby, as the next version of the bundle starts one. */
    static Lobby next() {
        return LobbyAssembly.create(Runnable::run, () -> NOW, Settings.defaults());
    }

    static Document parse(String wml) throws Exception {
        return Document.parse(wml);
    }
}
