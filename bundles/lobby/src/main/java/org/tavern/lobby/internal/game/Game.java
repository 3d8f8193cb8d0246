package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.ChatMessage;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlDiff;
import org.tavern.lobby.internal.game.command.BanMemberCommand;
import org.tavern.lobby.internal.game.command.ChangeControllerCommand;
import org.tavern.lobby.internal.game.command.ChangeTurnsCommand;
import org.tavern.lobby.internal.game.command.GameChatCommand;
import org.tavern.lobby.internal.history.GameHistory;
import org.tavern.lobby.internal.game.command.GameHistoryRequestCommand;
import org.tavern.lobby.internal.history.GameStartRecord;
import org.tavern.lobby.internal.game.command.InfoCommand;
import org.tavern.lobby.internal.game.command.KickMemberCommand;
import org.tavern.lobby.internal.game.command.LeaveGameCommand;
import org.tavern.lobby.internal.game.command.LoadNextScenarioCommand;
import org.tavern.lobby.internal.lobby.Lobby;
import org.tavern.lobby.internal.game.command.MuteAllCommand;
import org.tavern.lobby.internal.game.command.MuteMemberCommand;
import org.tavern.lobby.internal.game.command.RelayCommand;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.lobby.internal.game.command.RequestChoiceCommand;
import org.tavern.lobby.internal.game.command.ScenarioDiffCommand;
import org.tavern.lobby.internal.common.SerialExecutor;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.common.VersionLine;
import org.tavern.lobby.internal.game.command.StartGameCommand;
import org.tavern.lobby.internal.game.command.StoreNextScenarioCommand;
import org.tavern.lobby.internal.game.command.PlayTurnCommand;
import org.tavern.lobby.internal.game.command.UnbanMemberCommand;
import org.tavern.lobby.internal.game.command.UnmuteMemberCommand;
import org.tavern.lobby.internal.lobby.User;
import org.tavern.lobby.internal.game.command.WhiteboardCommand;

/**
 * One game, its own actor: its state (members, the stored level, its description) is touched only by
 * tasks on its {@link SerialExecutor}, so games run on separate cores without sharing a lock. The
 * lobby hears of what matters to the lobby list by message ({@link Lobby#gameVisible},
 * {@link Lobby#gameEnded}, ...).
 *
 * <p>This class holds the members, the level and the game's life from creation to its end; the
 * rest lives beside it, on the same actor: {@link Joining} (who may come in and what he is sent),
 * {@link Sides} (who controls which side), {@link TurnRelay} (turns, speaks, seeds),
 * {@link Moderation} (the host's mutes, kicks and bans) and {@link ReplayWriter}.
 */
public final class Game {

    private static final Logger LOG = LoggerFactory.getLogger(Game.class);

    /** A member as the game knows it (the lobby owns the {@link User}). */
    public static final class Member {
        private final String name;
        private final Connection connection;
        public boolean observer;

        public Member(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }

        public String name() {
            return name;
        }

        public Connection connection() {
            return connection;
        }

        String ip() {
            return connection.remoteIp();
        }
    }

    /** What a join request asked for. */
    public record JoinRequest(String name, Connection connection, boolean observe, String password, boolean moderator) {
    }

    /** How a member leaves: the words the others read differ. */
    public enum Departure {
        LEFT(" has left the game."), DISCONNECTED(" has disconnected."), REMOVED(" has left the game.");

        final String notice;

        Departure(String notice) {
            this.notice = notice;
        }
    }

    public final int id;
    /** Set by the game's actor (a rule may rename the game before it is shown); read by the lobby for logs. */
    public volatile String name;
    private final SerialExecutor actor;
    public final Lobby lobby;
    private final Document createGame;
    private final List<Member> members = new ArrayList<>();
    private Member host;
    private Document level;
    /** The level as it was when the current scenario started: what late observers and replays get. */
    private Document startingLevel;
    private boolean ended;
    private boolean started;
    int turn;
    int maxTurns;
    /** Everything recorded since the start: what a late observer receives as one document. */
    final GameHistory history = new GameHistory();
    /** Members who have not yet loaded the scenario the host moved on to. */
    private final Set<String> notAdvanced = new java.util.HashSet<>();
    /** Why the game ended, as players reported it ({@code game over}, {@code out of sync}, ...). */
    private String termination;
    /** The first report since the current scenario started: its record's termination. */
    private String scenarioTermination;
    /** The first scenario's {@code [multiplayer]}, and each next one's: the lobby entry keeps them all. */
    private Document firstMultiplayer;
    private final List<Document> laterMultiplayers = new ArrayList<>();
    /** The lobby's slot counts as they were at the start. */
    private Document frozenSlots;
    private final long createdMillis;
    public final Sides sides = new Sides(this);
    public final TurnRelay relay = new TurnRelay(this);
    public final Moderation moderation;
    private final Joining joining = new Joining(this);
    /** The version line of the lobby the game was created in: which wesnothd's answers it gives. */
    public final VersionLine line;
    /**
     * 1.18: the game chat since the game was created (or last started), replayed to whoever joins
     * before the start, as wesnothd 1.18 does; at most {@link #CHAT_HISTORY_LIMIT}, the oldest dropped.
     */
    private final java.util.ArrayDeque<Document> chatBeforeStart = new java.util.ArrayDeque<>();
    /** wesnothd keeps it all; flood control bounds the rate, this bounds what a long wait can pile up. */
    static final int CHAT_HISTORY_LIMIT = 200;

    public Game(int id, Executor pool, Lobby lobby, Node createGame, Member host, VersionLine line) {
        this.id = id;
        this.line = line;
        this.name = createGame.text("name");
        this.actor = new SerialExecutor(pool, "game " + id);
        this.lobby = lobby;
        this.createGame = Document.create();
        this.createGame.root().addCopy(createGame);
        this.moderation = new Moderation(this, createGame.attr("ignored", ""));
        this.host = host;
        members.add(host);
        this.createdMillis = lobby.nowMillis();
    }

    public void execute(Runnable task) {
        actor.execute(task);
    }

    /** A snapshot for the lobby directory (on the game actor). */
    public org.tavern.api.GameInfo info() {
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
                java.time.Instant.ofEpochMilli(createdMillis));
    }

    // ------------------------------------------------------------------ on the game actor

    public void received(String memberName, Document document) {
        Member member = member(memberName);
        if (member == null || ended) {
            return;
        }
        Node root = document.root();
        if (level == null) {
            if (member == host && GameDescription.startingPosition(root) != null) {
                initialise(document);
            }
            return; // anything else before the level is ignored, as wesnothd does
        }
        for (GameCommand command : COMMANDS) {
            Node element = root.child(command.tag());
            if (element != null) {
                command.handle(this, member, document, element);
                return;
            }
        }
        // Anything else (a [create_game] in a game, [side_secured], [error], unknown tags) is ignored.
    }

    /**
     * One class per in-game request, in wesnothd's order of precedence: the first of these a document
     * contains is handled, and nothing else in it.
     */
    private static final List<GameCommand> COMMANDS = List.of(
            new LeaveGameCommand(), new ScenarioDiffCommand(), new StoreNextScenarioCommand(),
            new LoadNextScenarioCommand(), new StartGameCommand(), new PlayTurnCommand(),
            new RequestChoiceCommand(), new WhiteboardCommand(), new ChangeTurnsCommand(),
            new InfoCommand(), new RelayCommand("change_faction"), new RelayCommand("stop_updates"),
            new ChangeControllerCommand(), new MuteAllCommand(), new MuteMemberCommand(),
            new UnmuteMemberCommand(), new KickMemberCommand(), new BanMemberCommand(),
            new UnbanMemberCommand(), new GameChatCommand(), new GameHistoryRequestCommand());

    // ------------------------------------------------------------------ state the other parts ask about

    public boolean isHost(Member member) {
        return member == host;
    }

    Member host() {
        return host;
    }

    public boolean isStarted() {
        return started;
    }

    public boolean hasAdvanced(Member member) {
        return !notAdvanced.contains(member.name());
    }

    List<Member> members() {
        return members;
    }

    Member member(String memberName) {
        for (Member member : members) {
            if (member.name().equals(memberName)) {
                return member;
            }
        }
        return null;
    }

    public Document level() {
        return level;
    }

    Node createGameRequest() {
        return createGame.root().children().get(0);
    }

    /** The sides of the stored level's starting position. */
    public List<Node> levelSides() {
        Node start = GameDescription.startingPosition(level.root());
        return start == null ? List.of() : start.children("side");
    }

    /** The first player's termination report labels the game; "out of sync" is also announced. */
    public void reportTermination(Member member, Node info) {
        if (!info.attrEquals("type", "termination") || member.observer) {
            return;
        }
        if (termination == null) {
            termination = info.text("condition");
        }
        if (scenarioTermination == null) {
            scenarioTermination = info.text("condition");
        }
        if (info.attrEquals("condition", "out of sync")) {
            recordAndSendToAll(serverMessage(member.name() + " reports out of sync errors."));
        }
    }

    /** Game chat: the real sender, the text cut to 256 characters, to everyone else in the game. */
    public void chat(Member member, Node message) {
        String text = message.text("message");
        String delivered = lobby.plugins().screenChat(new ChatMessage(ChatMessage.Kind.GAME_CHAT, member.name(), "", id,
                text), member.connection(), reply -> tell(member, reply));
        if (delivered == null) {
            return;
        }
        Document relay = ServerMessages.relayedChat(message, member.name());
        if (!delivered.equals(text)) {
            relay.root().child("message").set("message", delivered);
        }
        sendToOthers(member, relay);
        if (line.since118() && !started) {
            if (chatBeforeStart.size() == CHAT_HISTORY_LIMIT) {
                chatBeforeStart.removeFirst();
            }
            chatBeforeStart.addLast(relay);
        }
    }

    /** 1.18: a member joining before the start gets the game chat so far. */
    void sendChatHistory(Member joiner) {
        for (Document message : chatBeforeStart) {
            joiner.connection().send(message);
        }
    }

    // ------------------------------------------------------------------ the scenario's life

    /**
     * {@code [start_game]}: the controller tweaks, the relay, then the game counts as started at
     * turn 1 and the lobby sees {@code [turn_data]}.
     */
    public void start(Document startGame) {
        sides.assignAtStart(levelSides());
        sendToOthers(host, startGame);
        frozenSlots = Document.create();
        frozenSlots.root().addCopy(describe().root().child("game").child("slot_data"));
        started = true;
        chatBeforeStart.clear();
        startingLevel = level;
        turn = 1;
        Node start = GameDescription.startingPosition(level.root());
        maxTurns = start == null ? -1 : start.toInt("turns", -1);
        history.clear();
        LOG.info("Game {} '{}' started scenario '{}' with {} sides", id, name,
                start == null ? "?" : start.text("id"), sides.count());
        scenarioTermination = null;
        lobby.gameArchive().started(id, GameStartRecord.of(this, lobby.nowMillis()));
        for (Member observer : members) {
            if (observer.observer) {
                sendToOthers(observer, observerNotice(observer.name()));
            }
        }
        tellLobbyOfChange();
        org.tavern.api.GameInfo info = info();
        lobby.plugins().tell("the start of game " + id, listener -> listener.gameStarted(info));
    }

    /**
     * The host moves on to the next scenario: the one played is saved as a replay (if configured),
     * the next becomes the stored level, the game waits for its {@code [start_game]}, and the other
     * members are told to load it.
     */
    public void storeNextScenario(Node next) {
        if (next.child("multiplayer") == null) {
            end(host, true, "The scenario data is missing the [multiplayer] tag which contains the game settings. "
                    + "Game aborted.");
            return;
        }
        String replay = saveReplay();
        lobby.gameArchive().ended(id, lobby.nowMillis(), recordedEnding(NEXT_SCENARIO), replay);
        Document multiplayer = Document.create();
        multiplayer.root().addCopy(next.child("multiplayer"));
        laterMultiplayers.add(multiplayer);
        Document stored = Document.create();
        stored.root().copyContentsFrom(next);
        level = stored;
        started = false;
        notAdvanced.clear();
        for (Member member : members) {
            if (member != host) {
                notAdvanced.add(member.name());
            }
        }
        sendToOthers(host, ServerMessages.empty("notify_next_scenario"));
        LOG.info("Game {} '{}': the host moved on to the next scenario", id, name);
        tellLobbyOfChange();
    }

    /**
     * A member loads the scenario the host moved on to: he gets the level ({@code [next_scenario]}),
     * which sides are his ({@code [controllers]}), and everything played since its start.
     */
    public void loadNextScenario(Member member) {
        if (!notAdvanced.remove(member.name())) {
            return;
        }
        sendToOthers(member, serverMessage(member.name() + " advances to the next scenario"));
        LOG.info("Game {} '{}': {} advanced to the next scenario", id, name, member.name());
        Document next = Document.create();
        Node element = next.root().addChild("next_scenario");
        element.copyContentsFrom(level.root());
        element.set("started", started);
        member.connection().send(next);
        Document controllers = Document.create();
        Node list = controllers.root().addChild("controllers");
        for (int i = 0; i < levelSides().size(); i++) {
            list.addChild("controller").set("is_local", member.name().equals(sides.owner(i)));
        }
        member.connection().send(controllers);
        for (EncodedFrame recorded : history.frames()) {
            member.connection().send(recorded);
        }
        for (Member observer : members) {
            if (observer.observer && observer != member) {
                member.connection().send(observerNotice(observer.name()));
            }
        }
    }

    /** A scenario's Lua changed the turn count: the lobby shows the new figures; values over 10000 are ignored. */
    public void changeTurns(Node turns) {
        int newCurrent = turns.toInt("current", turn);
        int newMax = turns.toInt("max", maxTurns);
        if (newCurrent > 10_000 || newMax > 10_000) {
            return;
        }
        turn = newCurrent;
        maxTurns = newMax;
        tellLobbyOfChange();
    }

    /** The host's level change: applied to the stored level, relayed as received. */
    public void applyScenarioDiff(Document document) {
        WmlDiff.apply(level.root(), document.root().child("scenario_diff"));
        sendToOthers(host, document);
        tellLobbyOfChange();
    }

    // ------------------------------------------------------------------ messages

    /** A server notice to every member (not recorded), as a message or a speak depending on the start. */
    public void announce(String text) {
        if (!ended && !members.isEmpty()) {
            sendToAll(serverMessage(text));
        }
    }

    /** A server message to one member only (refusals of his requests). */
    void tell(Member member, String text) {
        member.connection().send(serverMessage(text));
    }

    /** A server message in a game: {@code [message]} before the start, a {@code [speak]} turn after it. */
    Document serverMessage(String text) {
        if (!started) {
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

    /** Sends to every member but the sender and records it once the game runs. */
    void recordAndSendOthers(Member sender, Document document) {
        EncodedFrame frame = EncodedFrame.of(document);
        record(document, frame);
        sendToOthers(sender, frame);
    }

    void record(Document document, EncodedFrame frame) {
        if (started) {
            history.record(document, frame);
        }
    }

    public void sendToOthers(Member sender, Document document) {
        sendToOthers(sender, EncodedFrame.of(document));
    }

    public void sendToOthers(Member sender, EncodedFrame frame) {
        for (Member member : members) {
            if (member != sender) {
                member.connection().send(frame);
            }
        }
    }

    void sendToAll(Document document) {
        sendToAll(EncodedFrame.of(document));
    }

    void sendToAll(EncodedFrame frame) {
        for (Member member : members) {
            member.connection().send(frame);
        }
    }

    // ------------------------------------------------------------------ joining and leaving

    /** A lobby player asks to join; answers the lobby with {@code joined} or {@code joinRefused}. */
    public void join(JoinRequest request) {
        String refusal = refusalOf(request);
        if (refusal != null) {
            lobby.execute(() -> lobby.joinRefused(request.name(), id, refusal));
            return;
        }
        Member joiner = new Member(request.name(), request.connection());
        if (started) {
            joining.joinRunningGame(joiner, request, startingLevel);
        } else {
            joining.joinBeforeStart(joiner, request);
        }
        Document description = describe();
        boolean observer = joiner.observer;
        lobby.execute(() -> lobby.joined(request.name(), id, observer, description));
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
        members.add(member);
    }

    /** The member's connection ended (the lobby already took him off its list). */
    public void disconnected(String memberName) {
        Member member = member(memberName);
        if (member != null && !ended) {
            leave(member, Departure.DISCONNECTED);
        }
    }

    /**
     * A member leaves (of his own will, by disconnecting, or removed by the host): the game ends when
     * no player remains or when the host leaves before the start; otherwise a host is chosen if
     * needed, the leaver's sides go to the host, and the lobby gets the member back.
     */
    public void leave(Member member, Departure departure) {
        members.remove(member);
        boolean playersLeft = members.stream().anyMatch(m -> !m.observer);
        if ((member == host && !started) || !playersLeft) {
            if (started && !members.isEmpty()) {
                sendToAll(serverMessage(member.name() + " ended the game."));
            }
            end(member, level != null, null);
            return;
        }
        if (member.observer) {
            sendToAll(observerQuit(member.name()));
        } else {
            recordAndSendToAll(serverMessage(member.name() + departure.notice));
        }
        if (member == host) {
            chooseNewHost();
        }
        if (started) {
            sides.dropSidesOf(member);
        } else {
            sendToAll(joining.userList());
        }
        Document description = describe();
        String memberName = member.name();
        boolean removed = departure == Departure.REMOVED;
        lobby.execute(() -> lobby.memberLeft(memberName, id, description, removed));
    }

    /** The first remaining player becomes the host. */
    private void chooseNewHost() {
        for (Member candidate : members) {
            if (!candidate.observer) {
                host = candidate;
                host.connection().send(ServerMessages.empty("host_transfer"));
                recordAndSendToAll(serverMessage(host.name() + " has been chosen as the new host."));
                return;
            }
        }
    }

    /**
     * Ends the game; the lobby brings the members back, those still in the game first and then
     * {@code leaver} (whose leaving ended it), the order wesnothd tells the lobby in.
     */
    private void end(Member leaver, boolean wasVisible, String hostError) {
        end(leaver, wasVisible, hostError, null);
    }

    /** {@code stopgame}: an administrator ends the game; every member is sent back with the reason. */
    public void stop(String reason) {
        if (!ended) {
            LOG.info("Game {} '{}' stopped by an administrator: {}", id, name, reason.isEmpty() ? "no reason" : reason);
            end(null, level != null, null, reason);
        }
    }

    private void end(Member leaver, boolean wasVisible, String hostError, String leaveReason) {
        ended = true;
        LOG.info("Game {} '{}' ends{}", id, name, leaver != null ? " as " + leaver.name() + " leaves" : "");
        String replay = saveReplay();
        Set<String> unique = new LinkedHashSet<>();
        for (Member member : members) {
            unique.add(member.name());
        }
        unique.add(leaver != null ? leaver.name() : host.name());
        List<String> names = new ArrayList<>(unique);
        String reason = termination != null && !termination.isEmpty() ? termination
                : started ? "aborted" : "not started";
        // the record is of the current scenario: an earlier scenario's report does not name its end
        lobby.gameArchive().ended(id, lobby.nowMillis(),
                recordedEnding(leaveReason != null ? STOPPED : started ? "aborted" : "not started"), replay);
        lobby.execute(() -> lobby.gameEnded(this, names, wasVisible, hostError, reason, leaveReason));
        members.clear();
    }

    /** The termination of a scenario that ended because the host moved on, unless a player reported one. */
    public static final String NEXT_SCENARIO = "next scenario";
    /** The termination of a game an administrator stopped, unless a player reported one. */
    static final String STOPPED = "stopped by an administrator";

    /** The current scenario's record ends with what a player reported of it, else with {@code otherwise}. */
    private String recordedEnding(String otherwise) {
        return scenarioTermination != null && !scenarioTermination.isEmpty() ? scenarioTermination : otherwise;
    }

    /**
     * With {@code save_replays}, the scenario played so far is written for replay tools; returns the
     * file's name (as the game history records it), or null when none is written.
     */
    private String saveReplay() {
        if (started && startingLevel != null && !history.isEmpty()) {
            ReplayWriter writer = lobby.replays();
            if (writer != null) {
                return writer.save(this, startingLevel, history, turn);
            }
        }
        return null;
    }

    private void initialise(Document received) {
        Node root = received.root();
        if (root.child("multiplayer") == null) {
            end(null, false, "The scenario data is missing the [multiplayer] tag which contains the game settings. "
                    + "Game aborted.");
            return;
        }
        org.tavern.api.Decision decision = lobby.plugins().allowCreate(proposal(root.child("multiplayer")));
        if (!decision.allowed()) {
            LOG.info("Game {} '{}' of {} refused by a game rule: {}", id, name, host.name(), decision.reason());
            end(null, false, decision.reason().isEmpty() ? "This server does not allow this game." : decision.reason());
            return;
        }
        if (!decision.gameName().isEmpty() && !decision.gameName().equals(name)) {
            LOG.info("Game {} '{}' of {} is shown as '{}' by a game rule", id, name, host.name(), decision.gameName());
            name = decision.gameName();
            createGameRequest().set("name", name);
        }
        level = received;
        firstMultiplayer = Document.create();
        firstMultiplayer.root().addCopy(root.child("multiplayer"));
        Document description = describe();
        level.compress(); // stored as the gzip it arrived in; rebuilt only when needed
        lobby.execute(() -> lobby.gameVisible(this, description, host.name()));
    }

    /** The game as the plugins' rules judge it: the host's {@code [create_game]} and the level's settings. */
    private org.tavern.api.GameProposal proposal(Node multiplayer) {
        List<String> mods = new ArrayList<>();
        for (String mod : multiplayer.text("active_mods").split(",")) {
            if (!mod.isBlank()) {
                mods.add(mod.trim());
            }
        }
        return new org.tavern.api.GameProposal(host.name(), name, !createGameRequest().attr("password", "").isEmpty(),
                multiplayer.text("mp_era"), multiplayer.text("mp_scenario"), mods);
    }

    // ------------------------------------------------------------------ the lobby's entry

    void tellLobbyOfChange() {
        Document description = describe();
        lobby.execute(() -> lobby.gameChanged(id, description));
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
            GameDescription.slotData(game, GameDescription.startingPosition(level.root()), names);
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
