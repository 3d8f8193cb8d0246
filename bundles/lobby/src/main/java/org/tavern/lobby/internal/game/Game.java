package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.Levels;
import org.tavern.lobby.internal.common.SerialExecutor;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.history.GameHistory;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * One game, its own actor: its state (members, the stored level, its description) is touched only by
 * tasks on its {@link SerialExecutor}, so games run on separate cores without sharing a lock. The
 * lobby hears of what matters to the lobby list by message ({@code gameVisible},
 * {@code gameEnded}, ...).
 *
 * <p>This class holds the members, the level and the game's life from creation to its end; the
 * rest lives beside it, on the same actor: {@link Joining} (who may come in and what he is sent),
 * {@link Sides} (who controls which side), {@link TurnRelay} (turns, speaks, seeds),
 * {@link Moderation} (the host's mutes, kicks and bans) and {@link ReplayWriter}.
 */
public final class Game {

    private static final Logger LOG = LoggerFactory.getLogger(Game.class);

    public final int id;
    private final GameState state;
    private final SerialExecutor actor;
    public final LobbyLink lobby;
    public final Sides sides = new Sides(this);
    public final TurnRelay relay = new TurnRelay(this);
    public final Moderation moderation;
    private final Joining joining = new Joining(this);
    private final ScenarioFlow scenario;
    private final GameChat chat;
    /** The version line of the lobby the game was created in: which wesnothd's answers it gives. */
    public final VersionLine line;

    public Game(int id, Executor pool, LobbyLink lobby, Node createGame, Member host, VersionLine line) {
        this(new GameState(id, createGame, host, lobby.nowMillis(), line), pool, lobby);
    }

    /** A game around a state: a new one, or one handed over by the previous lobby ({@link GameHandover}). */
    Game(GameState state, Executor pool, LobbyLink lobby) {
        this.id = state.id;
        this.line = state.line;
        this.state = state;
        this.actor = new SerialExecutor(pool, "game " + id);
        this.lobby = lobby;
        this.moderation = new Moderation(this, state.createGameRequest().attr("ignored", ""));
        this.scenario = new ScenarioFlow(this, state);
        this.chat = new GameChat(this, state);
    }

    public String name() {
        return state.name;
    }

    public void execute(Runnable task) {
        actor.execute(task);
    }

    /** Whether its actor has nothing to do (see {@link SerialExecutor#idle()}). */
    public boolean idle() {
        return actor.idle();
    }

    // ------------------------------------------------------------------ on the game actor

    public void received(String memberName, Document document) {
        Member member = member(memberName);
        if (member == null || state.ended) {
            return;
        }
        Node root = document.root();
        if (state.level == null) {
            if (member == state.host && Levels.startingPosition(root) != null) {
                scenario.initialise(document);
            }
            return; // anything else before the level is ignored, as wesnothd does
        }
        for (GameCommand command : lobby.gameCommands()) {
            Node element = root.child(command.tag());
            if (element != null) {
                command.handle(this, member, document, element);
                return;
            }
        }
        // Anything else (a [create_game] in a game, [side_secured], [error], unknown tags) is ignored.
    }

    // ------------------------------------------------------------------ state the other parts ask about

    /** The game's state, for the lobby directory and a state handover (on the game actor). */
    public GameState state() {
        return state;
    }

    /** A snapshot for the lobby directory (on the game actor). */
    public org.tavern.api.GameInfo info() {
        return state.info();
    }

    /** The scenario's life: the in-game commands that start and advance it go here. */
    public ScenarioFlow scenario() {
        return scenario;
    }

    Member member(String memberName) {
        return state.member(memberName);
    }

    Node createGameRequest() {
        return state.createGameRequest();
    }

    /** The sides of the stored level's starting position. */
    public List<Node> levelSides() {
        return state.levelSides();
    }

    /** The lobby's {@code [game]} entry as it is now. */
    Document describe() {
        return state.describe();
    }

    int turn() {
        return state.turn;
    }

    /** The relay saw a turn end. */
    void advanceTurn() {
        state.turn++;
    }

    int maxTurns() {
        return state.maxTurns;
    }

    GameHistory history() {
        return state.history;
    }

    public boolean isHost(Member member) {
        return member == state.host;
    }

    Member host() {
        return state.host;
    }

    public boolean isStarted() {
        return state.started;
    }

    public boolean hasAdvanced(Member member) {
        return !state.notAdvanced.contains(member.name());
    }

    List<Member> members() {
        return state.members;
    }

    public Document level() {
        return state.level;
    }

    /** The game's chat: relayed, and before the start kept for those who join (1.18). */
    public GameChat chat() {
        return chat;
    }

    // ------------------------------------------------------------------ messages

    /** A server notice to every member (not recorded), as a message or a speak depending on the start. */
    public void announce(String text) {
        if (!state.ended && !state.members.isEmpty()) {
            sendToAll(serverMessage(text));
        }
    }

    /** A server message to one member only (refusals of his requests). */
    void tell(Member member, String text) {
        member.connection().send(serverMessage(text));
    }

    /** A server message in a game: {@code [message]} before the start, a {@code [speak]} turn after it. */
    Document serverMessage(String text) {
        if (!state.started) {
            return ServerMessages.message(text, null);
        }
        Document document = Document.create();
        document.root().addChild("turn").addChild("command").set("undo", "no").addChild("speak")
                .set("id", "server").set("message", text).set("time", lobby.nowMillis() / 1000);
        return document;
    }

    static Document observerNotice(String observerName) {
        Document notice = Document.create();
        notice.root().addChild("observer").set("name", observerName);
        return notice;
    }

    static Document observerQuit(String observerName) {
        Document quit = Document.create();
        quit.root().addChild("observer_quit").set("name", observerName);
        return quit;
    }

    /** Sends to every member and, once the game runs, adds it to the history late observers get. */
    void recordAndSendToAll(Document document) {
        EncodedFrame frame = EncodedFrame.of(document);
        record(document, frame);
        sendToAll(frame);
    }

    /** Sends to every member but the sender, records it once the game runs; returns the bytes handed on. */
    long recordAndSendOthers(Member sender, Document document) {
        EncodedFrame frame = EncodedFrame.of(document);
        record(document, frame);
        return sendToOthers(sender, frame);
    }

    void record(Document document, EncodedFrame frame) {
        if (state.started) {
            state.history.record(document, frame);
        }
    }

    public void sendToOthers(Member sender, Document document) {
        sendToOthers(sender, EncodedFrame.of(document));
    }

    /** Returns the bytes handed to the transport (the frame's size once per member it went to). */
    public long sendToOthers(Member sender, EncodedFrame frame) {
        long bytes = 0;
        for (Member member : state.members) {
            if (member != sender) {
                member.connection().send(frame);
                bytes += frame.size();
            }
        }
        return bytes;
    }

    void sendToAll(Document document) {
        sendToAll(EncodedFrame.of(document));
    }

    void sendToAll(EncodedFrame frame) {
        for (Member member : state.members) {
            member.connection().send(frame);
        }
    }

    // ------------------------------------------------------------------ joining and leaving

    /** A lobby player asks to join; answers the lobby with {@code joined} or {@code joinRefused}. */
    public void join(JoinRequest request) {
        String refusal = refusalOf(request);
        if (refusal != null) {
            lobby.joinRefused(request.name(), id, refusal);
            return;
        }
        Member joiner = new Member(request.name(), request.connection());
        if (state.started) {
            joining.joinRunningGame(joiner, request, state.startingLevel);
        } else {
            joining.joinBeforeStart(joiner, request);
        }
        Document description = describe();
        boolean observer = joiner.observer;
        lobby.joined(request.name(), id, observer, description);
    }

    /** Why the game refuses this joiner: its own rules first, then the plugins' game rules; null if none. */
    private String refusalOf(JoinRequest request) {
        String refusal = joining.refusal(request);
        if (refusal != null) {
            return refusal;
        }
        org.tavern.api.Decision decision = lobby.plugins().allowJoin(request.name(), info(), request.observe());
        return decision.allowed() ? null : decision.reason();
    }

    void addMember(Member member) {
        state.members.add(member);
    }

    /** The member's connection ended (the lobby already took him off its list). */
    public void disconnected(String memberName) {
        Member member = member(memberName);
        if (member != null && !state.ended) {
            leave(member, Departure.DISCONNECTED);
        }
    }

    /**
     * A member leaves (of his own will, by disconnecting, or removed by the host): the game ends when
     * no player remains or when the host leaves before the start; otherwise a host is chosen if
     * needed, the leaver's sides go to the host, and the lobby gets the member back.
     */
    public void leave(Member member, Departure departure) {
        state.members.remove(member);
        boolean playersLeft = state.members.stream().anyMatch(m -> !m.observer);
        if ((member == state.host && !state.started) || !playersLeft) {
            if (state.started && !state.members.isEmpty()) {
                sendToAll(serverMessage(member.name() + " ended the game."));
            }
            end(member, state.level != null, null);
            return;
        }
        if (member.observer) {
            sendToAll(observerQuit(member.name()));
        } else {
            recordAndSendToAll(serverMessage(member.name() + departure.notice));
        }
        if (member == state.host) {
            chooseNewHost();
        }
        if (state.started) {
            sides.dropSidesOf(member);
        } else {
            sendToAll(joining.userList());
        }
        Document description = describe();
        String memberName = member.name();
        boolean removed = departure == Departure.REMOVED;
        lobby.memberLeft(memberName, id, description, removed);
    }

    /** The first remaining player becomes the host. */
    private void chooseNewHost() {
        for (Member candidate : state.members) {
            if (!candidate.observer) {
                state.host = candidate;
                state.host.connection().send(ServerMessages.empty("host_transfer"));
                recordAndSendToAll(serverMessage(state.host.name() + " has been chosen as the new host."));
                return;
            }
        }
    }

    /**
     * Ends the game; the lobby brings the members back, those still in the game first and then
     * {@code leaver} (whose leaving ended it), the order wesnothd tells the lobby in.
     */
    void end(Member leaver, boolean wasVisible, String hostError) {
        end(leaver, wasVisible, hostError, null);
    }

    /** {@code stopgame}: an administrator ends the game; every member is sent back with the reason. */
    public void stop(String reason) {
        if (!state.ended) {
            LOG.info("Game {} '{}' stopped by an administrator: {}", id, state.name, reason.isEmpty() ? "no reason" : reason);
            end(null, state.level != null, null, reason);
        }
    }

    private void end(Member leaver, boolean wasVisible, String hostError, String leaveReason) {
        state.ended = true;
        LOG.info("Game {} '{}' ends{}", id, state.name, leaver != null ? " as " + leaver.name() + " leaves" : "");
        String replay = scenario.saveReplay();
        Set<String> unique = new LinkedHashSet<>();
        for (Member member : state.members) {
            unique.add(member.name());
        }
        unique.add(leaver != null ? leaver.name() : state.host.name());
        List<String> names = new ArrayList<>(unique);
        String reason = state.termination != null && !state.termination.isEmpty() ? state.termination
                : state.started ? "aborted" : "not started";
        // the record is of the current scenario: an earlier scenario's report does not name its end
        lobby.gameArchive().ended(id, lobby.nowMillis(),
                scenario.recordedEnding(leaveReason != null ? STOPPED : state.started ? "aborted" : "not started"), replay);
        lobby.gameEnded(this, names, wasVisible, hostError, reason, leaveReason);
        state.members.clear();
    }

    /** The termination of a scenario that ended because the host moved on, unless a player reported one. */
    public static final String NEXT_SCENARIO = "next scenario";
    /** The termination of a game an administrator stopped, unless a player reported one. */
    static final String STOPPED = "stopped by an administrator";

    // ------------------------------------------------------------------ the lobby's entry

    void tellLobbyOfChange() {
        Document description = describe();
        lobby.gameChanged(id, description);
    }

}
