package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tavern.lobby.internal.common.Levels;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.history.GameHistory;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * One game as plain data: its members and host, the stored level, what was played since the start,
 * the turn counters and how it ended. {@link Game}, {@link ScenarioFlow} and the parts beside them
 * are the behaviour that changes it; only the game's actor touches it.
 */
public final class GameState {

    final int id;
    /** Set by the game's actor (a rule may rename the game before it is shown); read by the lobby for logs. */
    volatile String name;
    /** The host's {@code [create_game]}. */
    final Document createGame;
    final List<Member> members = new ArrayList<>();
    Member host;
    Document level;
    /** The level as it was when the current scenario started: what late observers and replays get. */
    Document startingLevel;
    boolean ended;
    boolean started;
    int turn;
    int maxTurns;
    /** Everything recorded since the start: what a late observer receives as one document. */
    final GameHistory history = new GameHistory();
    /** Members who have not yet loaded the scenario the host moved on to. */
    final Set<String> notAdvanced = new HashSet<>();
    /** Why the game ended, as players reported it ({@code game over}, {@code out of sync}, ...). */
    String termination;
    /** The first report since the current scenario started: its record's termination. */
    String scenarioTermination;
    /** The first scenario's {@code [multiplayer]}, and each next one's: the lobby entry keeps them all. */
    Document firstMultiplayer;
    final List<Document> laterMultiplayers = new ArrayList<>();
    /** The lobby's slot counts as they were at the start. */
    Document frozenSlots;
    final long createdMillis;
    /** The version line of the lobby the game was created in: which wesnothd's answers it gives. */
    final VersionLine line;
    /** 1.18: the game chat before the start, for those who join before it. */
    final PreStartChat chatBeforeStart = new PreStartChat();

    GameState(int id, Node createGame, Member host, long createdMillis, VersionLine line) {
        this.id = id;
        this.line = line;
        this.name = createGame.text("name");
        this.createGame = Document.create();
        this.createGame.root().addCopy(createGame);
        this.host = host;
        members.add(host);
        this.createdMillis = createdMillis;
    }

    /** A snapshot for the lobby directory. */
    org.tavern.api.GameInfo info() {
        List<String> players = new ArrayList<>();
        List<String> observers = new ArrayList<>();
        for (Member member : members) {
            (member.observer ? observers : players).add(member.name());
        }
        String scenario = "";
        if (level != null && level.root().child("multiplayer") != null) {
            scenario = level.root().child("multiplayer").attr("mp_scenario", "");
        }
        return new org.tavern.api.GameInfo(id, name, host.name(), started, turn, players, observers, scenario,
                java.time.Instant.ofEpochMilli(createdMillis), line.name());
    }

    Member member(String memberName) {
        for (Member member : members) {
            if (member.name().equals(memberName)) {
                return member;
            }
        }
        return null;
    }

    Node createGameRequest() {
        return createGame.root().children().get(0);
    }

    /** The sides of the stored level's starting position. */
    List<Node> levelSides() {
        Node start = Levels.startingPosition(level.root());
        return start == null ? List.of() : start.children("side");
    }

    /** The lobby's {@code [game]} entry as it is now. */
    Document describe() {
        String[] names = members.stream().map(Member::name).toArray(String[]::new);
        Document description = GameDescription.build(id, createGameRequest(), level.root(),
                firstMultiplayer.root().child("multiplayer"), host.name(), line);
        Node game = description.root().child("game");
        if (started && frozenSlots != null) {
            // wesnothd stops recomputing the slots once the game runs.
            game.removeChildren("slot_data");
            game.addCopy(frozenSlots.root().child("slot_data"));
        } else {
            GameDescription.slotData(game, Levels.startingPosition(level.root()), names);
        }
        if (startingLevel != null) {
            // Once a scenario has started the entry keeps its [turn_data], also between scenarios.
            game.addChild("turn_data").set("current", turn).set("max", maxTurns);
        }
        // wesnothd copies each next scenario's [multiplayer] into the entry it has: the later
        // scenarios' children follow [slot_data] and [turn_data].
        for (Document later : laterMultiplayers) {
            for (Node child : later.root().child("multiplayer").children()) {
                game.addCopy(child);
            }
        }
        return description;
    }
}
