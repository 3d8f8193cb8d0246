package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.GameEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.HistoryEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.Line;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.MemberEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.ModerationEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.ScenarioEntry;
import org.tavern.lobby.internal.snapshot.LobbySnapshot.SidesEntry;
import org.tavern.lobby.internal.snapshot.Payload;
import org.tavern.lobby.internal.snapshot.SnapshotException;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * A game to its snapshot entry and back, for a live upgrade: everything its actor owns ({@link
 * GameState} and the parts beside it: sides, mutes and bans, the chat before the start, the last
 * choice answered). Stored documents go as bytes: levels as the gzip they are kept in, the history
 * as the frames that were sent and its running text, so what anyone receives after the handover is
 * byte for byte what they would have received before it.
 */
public final class GameHandover {

    private GameHandover() {
    }

    /** On the game's actor. */
    public static GameEntry capture(Game game) {
        GameState state = game.state();
        List<MemberEntry> members = new ArrayList<>();
        for (Member member : state.members) {
            members.add(new MemberEntry(member.name(), member.connection().id(), member.observer));
        }
        boolean startingIsLevel = state.startingLevel != null && state.startingLevel == state.level;
        List<String> notAdvanced = new ArrayList<>(state.notAdvanced);
        notAdvanced.sort(null); // a set: sorted, so equal games give equal snapshots
        ScenarioEntry scenario = new ScenarioEntry(gzipOf(state.level),
                startingIsLevel ? null : gzipOf(state.startingLevel), startingIsLevel, state.started, state.ended,
                state.turn, state.maxTurns, notAdvanced, state.termination, state.scenarioTermination,
                textOf(state.firstMultiplayer), state.laterMultiplayers.stream().map(GameHandover::textOf).toList(),
                textOf(state.frozenSlots));
        List<Payload> frames = new ArrayList<>();
        for (EncodedFrame frame : state.history.frames()) {
            frames.add(Payload.of(payloadOf(frame)));
        }
        HistoryEntry history = new HistoryEntry(frames, Payload.of(state.history.text()));
        SidesEntry sides = new SidesEntry(game.sides.current(), Arrays.asList(game.sides.owners()),
                Arrays.asList(game.sides.controllers()));
        ModerationEntry moderation = new ModerationEntry(game.moderation.allObserversMuted(),
                game.moderation.mutedObservers(), game.moderation.bannedIps(), game.moderation.bannedNames());
        List<Payload> chat = state.chatBeforeStart.messages().stream().map(GameHandover::textOf).toList();
        return new GameEntry(state.id, new Line(state.line.name(), state.line.major(), state.line.minor()), state.name,
                state.createdMillis, textOf(state.createGame), state.host.name(), members, scenario, history, sides,
                moderation, chat, game.relay.lastChoiceRequest());
    }

    /**
     * A game as it was captured, not yet running anything. {@code connections} gives each member's
     * connection by id (never null: the caller stands in for those that closed meanwhile).
     */
    public static Game restore(GameEntry entry, Executor pool, LobbyLink lobby, LongFunction<Connection> connections)
            throws SnapshotException {
        List<Member> members = new ArrayList<>();
        Member host = null;
        for (MemberEntry memberEntry : entry.members()) {
            Member member = new Member(memberEntry.name(), connections.apply(memberEntry.connectionId()));
            member.observer = memberEntry.observer();
            members.add(member);
            if (member.name().equals(entry.host())) {
                host = member;
            }
        }
        if (host == null) {
            throw new SnapshotException("game " + entry.id() + ": its host " + entry.host() + " is not a member");
        }
        Line line = entry.line();
        Document createGame = parse(entry, entry.createGame());
        if (createGame.root().children().size() != 1) {
            throw new SnapshotException("game " + entry.id() + ": its [create_game] is not one element");
        }
        GameState state = new GameState(entry.id(), createGame.root().children().get(0), host, entry.createdMillis(),
                new VersionLine(line.name(), line.major(), line.minor()));
        state.name = entry.name();
        state.members.clear();
        state.members.addAll(members);
        ScenarioEntry scenario = entry.scenario();
        state.level = compressed(entry, scenario.level());
        state.startingLevel = scenario.startingIsLevel() ? state.level : compressed(entry, scenario.startingLevel());
        state.started = scenario.started();
        state.ended = scenario.ended();
        state.turn = scenario.turn();
        state.maxTurns = scenario.maxTurns();
        state.notAdvanced.addAll(scenario.notAdvanced());
        state.termination = scenario.termination();
        state.scenarioTermination = scenario.scenarioTermination();
        state.firstMultiplayer = parseNullable(entry, scenario.firstMultiplayer());
        for (Payload later : scenario.laterMultiplayers()) {
            state.laterMultiplayers.add(parse(entry, later));
        }
        state.frozenSlots = parseNullable(entry, scenario.frozenSlots());
        List<EncodedFrame> frames = new ArrayList<>();
        for (Payload frame : entry.history().frames()) {
            frames.add(EncodedFrame.ofGzip(frame.bytes()));
        }
        state.history.restore(frames, entry.history().text().bytes());
        for (Payload message : entry.chatBeforeStart()) {
            state.chatBeforeStart.remember(parse(entry, message));
        }
        Game game = new Game(state, pool, lobby);
        SidesEntry sides = entry.sides();
        if (sides.owners().size() != sides.controllers().size()) {
            throw new SnapshotException("game " + entry.id() + ": " + sides.owners().size() + " side owners but "
                    + sides.controllers().size() + " controllers");
        }
        game.sides.restore(sides.owners().toArray(String[]::new), sides.controllers().toArray(String[]::new),
                sides.current());
        ModerationEntry moderation = entry.moderation();
        game.moderation.restore(moderation.allObserversMuted(), moderation.muted(), moderation.bannedIps(),
                moderation.bannedNames());
        game.relay.restoreLastChoiceRequest(entry.lastChoiceRequest());
        return game;
    }

    /** The gzip payload of a frame (after its 4-byte length). */
    private static byte[] payloadOf(EncodedFrame frame) {
        java.nio.ByteBuffer buffer = frame.buffer();
        byte[] payload = new byte[frame.size() - 4];
        buffer.position(4);
        buffer.get(payload);
        return payload;
    }

    private static Payload gzipOf(Document document) {
        return document == null ? null : Payload.of(document.compressedOutput());
    }

    private static Payload textOf(Document document) {
        return document == null ? null : Payload.of(document.output());
    }

    private static Document compressed(GameEntry entry, Payload gzip) throws SnapshotException {
        if (gzip == null) {
            return null;
        }
        try {
            Document document = Document.fromGzip(gzip.bytes());
            document.compress(); // kept as the gzip it arrived in, as a running game keeps it
            return document;
        } catch (WmlException e) {
            throw new SnapshotException("game " + entry.id() + ": a stored level does not parse: " + e.getMessage());
        }
    }

    private static Document parseNullable(GameEntry entry, Payload text) throws SnapshotException {
        return text == null ? null : parse(entry, text);
    }

    private static Document parse(GameEntry entry, Payload text) throws SnapshotException {
        try {
            return Document.parse(text.bytes());
        } catch (WmlException e) {
            throw new SnapshotException("game " + entry.id() + ": a stored document does not parse: " + e.getMessage());
        }
    }
}
