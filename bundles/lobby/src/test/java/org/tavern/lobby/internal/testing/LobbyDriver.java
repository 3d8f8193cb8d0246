package org.tavern.lobby.internal.testing;

import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.wml.Document;

/**
 * Plays clients against a lobby whose actors run each task at once: logging in as a 1.16.9 client
 * does, sending WML, starting a two-player game. The tests that check the login itself do it by hand.
 */
public final class LobbyDriver {

    private final Lobby lobby;

    public LobbyDriver(Lobby lobby) {
        this.lobby = lobby;
    }

    /** A player from 127.0.0.1, logged in, with what the lobby sent him so far taken. */
    public FakeConnection loggedIn(String name) throws Exception {
        return loggedIn(name, "127.0.0.1");
    }

    /** A player from {@code ip}, logged in, with what the lobby sent him so far taken. */
    public FakeConnection loggedIn(String name, String ip) throws Exception {
        FakeConnection connection = new FakeConnection(ip);
        lobby.connected(connection);
        send(connection, "[version]\nversion=\"1.16.9\"\n[/version]\n");
        send(connection, "[login]\nusername=\"" + name + "\"\n[/login]\n");
        connection.take();
        return connection;
    }

    public void send(FakeConnection connection, String wml) throws Exception {
        lobby.received(connection, Document.parse(wml));
    }

    /** {@code host} creates "Duel" with {@code level}, {@code join} joins and takes side 2, the host starts it. */
    public void startDuel(FakeConnection host, FakeConnection join, String level) throws Exception {
        send(host, "[create_game]\nname=\"Duel\"\npassword=\"\"\n[/create_game]\n");
        send(host, level);
        send(join, "[join]\nid=\"1\"\nobserve=\"no\"\n[/join]\n");
        send(host, "[scenario_diff]\n[change_child]\nindex=0\n[scenario]\n[change_child]\nindex=1\n[side]\n"
                + "[insert]\nplayer_id=\"join\"\n[/insert]\n[/side]\n[/change_child]\n[/scenario]\n"
                + "[/change_child]\n[/scenario_diff]\n");
        send(host, "[start_game]\n[/start_game]\n");
    }
}
