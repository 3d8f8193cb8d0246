package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.tavern.transport.Connection;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlDiff;

/**
 * One game, its own actor: its state (members, the stored level, its description) is touched only by
 * tasks on its {@link SerialExecutor}, so games run on separate cores without sharing a lock. The
 * lobby hears of what matters to the lobby list by message ({@link Lobby#gameVisible},
 * {@link Lobby#gameEnded}).
 *
 * <p>This first part covers creation, the level, and the host leaving; joining, relaying and the
 * rest of the game protocol follow.
 */
final class Game {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Game.class);

    /** A member as the game knows it (the lobby owns the {@link User}). */
    static final class Member {
        private final String name;
        private final Connection connection;
        boolean observer;

        Member(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }

        String name() {
            return name;
        }

        Connection connection() {
            return connection;
        }

        String ip() {
            return connection.remoteIp();
        }
    }

    /** What a join request asked for. */
    record JoinRequest(String name, Connection connection, boolean observe, String password, boolean moderator) {
    }

    final int id;
    final String name;
    private final SerialExecutor actor;
    private final Lobby lobby;
    private final Document createGame;
    private final List<Member> members = new ArrayList<>();
    private Member host;
    private Document level;
    private boolean ended;
    private boolean started;
    private int turn;
    private int currentSide;
    private int maxTurns;
    /** Owner of each side (by name) once the game has started; null for sides nobody controls. */
    private String[] sideOwners = new String[0];
    private long lastRandomRequest;
    /** Everything recorded since the start: what a late observer receives as one document. */
    private final GameHistory history = new GameHistory();
    /** Members who have not yet loaded the scenario the host moved on to. */
    private final java.util.Set<String> notAdvanced = new java.util.HashSet<>();
    /** Why the game ended, as players reported it ({@code game over}, {@code out of sync}, ...). */
    private String termination;
    /** The lobby's slot counts as they were at the start. */
    private Document frozenSlots;

    Game(int id, Executor pool, Lobby lobby, Node createGame, Member host) {
        this.id = id;
        this.name = createGame.text("name");
        this.actor = new SerialExecutor(pool, "game " + id);
        this.lobby = lobby;
        this.createGame = Document.create();
        this.createGame.root().addCopy(createGame);
        this.host = host;
        members.add(host);
    }

    void execute(Runnable task) {
        actor.execute(task);
    }

    // ------------------------------------------------------------------ on the game actor

    void received(String memberName, Document document) {
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
            new GameCommands.LeaveGame(), new GameCommands.ScenarioDiff(), new GameCommands.StoreNextScenario(),
            new GameCommands.LoadNextScenario(), new GameCommands.StartGame(), new GameCommands.Turn(),
            new GameCommands.RequestChoice(), new GameCommands.Whiteboard(), new GameCommands.ChangeTurns(),
            new GameCommands.Info(), new GameCommands.Relay("change_faction"), new GameCommands.Relay("stop_updates"),
            new GameCommands.Chat());

    // ------------------------------------------------------------------ state the commands ask about

    boolean isHost(Member member) {
        return member == host;
    }

    boolean isStarted() {
        return started;
    }

    boolean hasAdvanced(Member member) {
        return !notAdvanced.contains(member.name());
    }

    /** The first player's termination report labels the game; "out of sync" is also announced. */
    void reportTermination(Member member, Node info) {
        if (!info.attrEquals("type", "termination") || member.observer) {
            return;
        }
        if (termination == null) {
            termination = info.text("condition");
        }
        if (info.attrEquals("condition", "out of sync")) {
            recordAndSendToAll(serverMessage(member.name() + " reports out of sync errors."));
        }
    }

    /** Game chat: the real sender, the text cut to 256 characters, to everyone else in the game. */
    void chat(Member member, Node message) {
        sendToOthers(member, ServerMessages.relayedChat(message, member.name()));
    }

    // ------------------------------------------------------------------ playing

    /**
     * {@code [start_game]}: the controller tweaks (every side's controller told to every member, with
     * {@code is_local} for its owner, never to the host about his own sides), the relay, then the
     * game counts as started at turn 1 and the lobby sees {@code [turn_data]}.
     */
    void start(Document startGame) {
        List<Node> sides = sides();
        sideOwners = new String[sides.size()];
        for (int i = 0; i < sides.size(); i++) {
            Node side = sides.get(i);
            String controller = side.attr("controller", "");
            if (controller.equals("null")) {
                continue;
            }
            Member owner = member(side.text("player_id"));
            if (owner == null) {
                owner = host;
                sendToAll(serverMessage("Side " + (i + 1) + " had no controller during controller tweaks! The host "
                        + "was assigned control."));
            }
            sideOwners[i] = owner.name();
            side.set("is_local", "no");
            for (Member member : members) {
                if (member == host && owner == host) {
                    continue; // the host is never told about his own sides
                }
                if (member != owner) {
                    member.connection().send(changeController(i + 1, owner.name(), controller, false));
                }
            }
            if (owner != host) {
                owner.connection().send(changeController(i + 1, owner.name(), controller, true));
            }
        }
        sendToOthers(host, startGame);
        frozenSlots = Document.create();
        frozenSlots.root().addCopy(describe().root().child("game").child("slot_data"));
        started = true;
        turn = 1;
        currentSide = 0;
        Node start = GameDescription.startingPosition(level.root());
        maxTurns = start == null ? -1 : start.toInt("turns", -1);
        history.clear();
        LOG.info("Game {} '{}' started scenario '{}' with {} sides", id, name,
                start == null ? "?" : start.text("id"), sideOwners.length);
        for (Member observer : members) {
            if (observer.observer) {
                Document notice = Document.create();
                notice.root().addChild("observer").set("name", observer.name());
                sendToOthers(observer, notice);
            }
        }
        Document description = describe();
        lobby.execute(() -> lobby.gameChanged(id, description));
    }

    /**
     * A player left a started game: each of his sides goes to the host, who gets {@code [side_drop]}
     * (to let him choose who plays it) while everyone else is told the new controller.
     */
    private void dropSides(Member leaver) {
        List<Node> sides = sides();
        for (int i = 0; i < sideOwners.length; i++) {
            if (!leaver.name().equals(sideOwners[i])) {
                continue;
            }
            sideOwners[i] = host.name();
            String controller = i < sides.size() ? sides.get(i).attr("controller", "human") : "human";
            recordAndSendToAll(serverMessage(host.name() + " takes control of side " + (i + 1) + "."));
            Document change = changeController(i + 1, host.name(), controller, false);
            for (Member member : members) {
                if (member != host) {
                    member.connection().send(change);
                }
            }
            history.record(change, EncodedFrame.of(change));
            Document drop = Document.create();
            drop.root().addChild("side_drop").set("controller", controller).set("side_num", i + 1);
            host.connection().send(drop);
        }
    }

    /**
     * The host moves on to the next scenario: it becomes the stored level, the game waits for its
     * next {@code [start_game]}, and the other members are told to load it.
     */
    void storeNextScenario(Node next) {
        if (next.child("multiplayer") == null) {
            end(host, true, "The scenario data is missing the [multiplayer] tag which contains the game settings. "
                    + "Game aborted.");
            return;
        }
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
        Document description = describe();
        lobby.execute(() -> lobby.gameChanged(id, description));
    }

    /**
     * A member loads the scenario the host moved on to: he gets the level ({@code [next_scenario]}),
     * which sides are his ({@code [controllers]}), and everything played since its start.
     */
    void loadNextScenario(Member member) {
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
        for (int i = 0; i < sides().size(); i++) {
            boolean local = i < sideOwners.length && member.name().equals(sideOwners[i]);
            list.addChild("controller").set("is_local", local);
        }
        member.connection().send(controllers);
        for (EncodedFrame recorded : history.frames()) {
            member.connection().send(recorded);
        }
        for (Member observer : members) {
            if (observer.observer && observer != member) {
                Document notice = Document.create();
                notice.root().addChild("observer").set("name", observer.name());
                member.connection().send(notice);
            }
        }
    }

    private static Document changeController(int side, String player, String controller, boolean local) {
        Document document = Document.create();
        document.root().addChild("change_controller").set("controller", controller).set("is_local", local)
                .set("player", player).set("side", side);
        return document;
    }

    /**
     * A {@code [turn]}: illegal commands are removed (and announced), then the document is recorded
     * and relayed; unchanged, it goes out as the exact bytes it came in.
     */
    void relayTurn(Member sender, Document document) {
        Node turnNode = document.root().child("turn");
        List<Node> illegal = new ArrayList<>();
        for (Node command : turnNode.children("command")) {
            if (!TurnRules.legal(sender.name(), sender == host, command, sideOwners, currentSide)) {
                illegal.add(command);
            }
        }
        for (Node command : illegal) {
            String first = command.children().isEmpty() ? "" : command.children().get(0).name();
            turnNode.removeChild(command);
            String current = sideOwners.length == 0 ? "<none>" : owner(currentSide);
            recordAndSendToAll(serverMessage("Removing illegal command '" + first + "' from: " + sender.name()
                    + ". Current player is: " + current + " (" + (currentSide + 1) + "/" + sideOwners.length + ")."));
        }
        for (Node command : turnNode.children("command")) {
            Node speak = command.child("speak");
            if (speak != null && !speak.attrEquals("id", sender.name())) {
                speak.set("id", sender.name());
            }
            Node endTurn = command.child("end_turn");
            if (endTurn != null && sender.name().equals(owner(currentSide))) {
                endTurn(endTurn.toInt("next_player_number", 0));
            }
        }
        if (turnNode.children().isEmpty()) {
            return;
        }
        EncodedFrame frame = EncodedFrame.of(document);
        history.record(document, frame);
        sendToOthers(sender, frame);
    }

    boolean ownsAnySide(Member member) {
        for (String owner : sideOwners) {
            if (member.name().equals(owner)) {
                return true;
            }
        }
        return false;
    }

    private String owner(int side) {
        return side >= 0 && side < sideOwners.length && sideOwners[side] != null ? sideOwners[side] : "<none>";
    }

    /** The current player ended his turn: the next side that has a controller plays; a wrap is a new turn. */
    private void endTurn(int nextPlayerNumber) {
        int sides = sideOwners.length;
        if (sides == 0) {
            return;
        }
        int next = nextPlayerNumber > 0 ? nextPlayerNumber - 1 : currentSide + 1;
        for (int tries = 0; tries < sides && sideOwners[Math.floorMod(next, sides)] == null; tries++) {
            next++;
        }
        boolean wrapped = next >= sides || Math.floorMod(next, sides) <= currentSide;
        currentSide = Math.floorMod(next, sides);
        if (wrapped) {
            turn++;
            Document description = describe();
            lobby.execute(() -> lobby.gameChanged(id, description));
        }
    }

    /** Planned moves: only to the owners of {@code to_sides}, never recorded. */
    void relayWhiteboard(Member sender, Document document, Node whiteboard) {
        int side = whiteboard.toInt("side", 0) - 1;
        if (side < 0 || side >= sideOwners.length || !sender.name().equals(sideOwners[side])) {
            recordAndSendToAll(serverMessage("Ignoring illegal whiteboard data, sent from user '" + sender.name()
                    + "' which had an invalid side '" + whiteboard.attr("side", "") + "' specified\n"));
            return;
        }
        EncodedFrame frame = EncodedFrame.of(document);
        for (Member member : playersOf(whiteboard.attr("to_sides", ""))) {
            if (member != sender) {
                member.connection().send(frame);
            }
        }
    }

    /** The members owning any of the sides in a comma list of side numbers. */
    private List<Member> playersOf(String sideList) {
        List<Member> result = new ArrayList<>();
        for (String part : sideList.split(",")) {
            int side;
            try {
                side = Integer.parseInt(part.trim()) - 1;
            } catch (NumberFormatException e) {
                continue;
            }
            if (side >= 0 && side < sideOwners.length) {
                Member owner = member(sideOwners[side]);
                if (owner != null && !result.contains(owner)) {
                    result.add(owner);
                }
            }
        }
        return result;
    }

    /** A scenario's Lua changed the turn count: the lobby shows the new figures; values over 10000 are ignored. */
    void changeTurns(Node turns) {
        int newCurrent = turns.toInt("current", turn);
        int newMax = turns.toInt("max", maxTurns);
        if (newCurrent > 10_000 || newMax > 10_000) {
            return;
        }
        turn = newCurrent;
        maxTurns = newMax;
        Document description = describe();
        lobby.execute(() -> lobby.gameChanged(id, description));
    }

    /** {@code [request_choice] request_id=N [random_seed]}: answered once per id, to every member. */
    void answerChoice(Node request) {
        long requestId = request.toInt("request_id", 0);
        if (requestId <= lastRandomRequest) {
            return;
        }
        lastRandomRequest = requestId;
        if (request.child("random_seed") == null) {
            return;
        }
        Document seed = Document.create();
        seed.root().addChild("turn").addChild("command").set("dependent", "yes").set("from_side", "server")
                .addChild("random_seed")
                .set("new_seed", String.format("%08x", java.util.concurrent.ThreadLocalRandom.current().nextInt()));
        recordAndSendToAll(seed);
    }

    /** A server notice to every member (not recorded), as a message or a speak depending on the start. */
    void announce(String text) {
        if (!ended && !members.isEmpty()) {
            sendToAll(serverMessage(text));
        }
    }

    /** A server message in a game: {@code [message]} before the start, a {@code [speak]} turn after it. */
    private Document serverMessage(String text) {
        if (!started) {
            return ServerMessages.message(text, null);
        }
        Document document = Document.create();
        document.root().addChild("turn").addChild("command").set("undo", "no").addChild("speak")
                .set("id", "server").set("message", text).set("time", lobby.nowMillis() / 1000);
        return document;
    }

    private void recordAndSendToAll(Document document) {
        EncodedFrame frame = EncodedFrame.of(document);
        if (started) {
            history.record(document, frame);
        }
        sendToAll(frame);
    }

    // ------------------------------------------------------------------ joining

    /** A lobby player asks to join; answers the lobby with {@code joined} or {@code joinRefused}. */
    void join(JoinRequest request) {
        String refusal = joinRefusal(request);
        if (refusal != null) {
            lobby.execute(() -> lobby.joinRefused(request.name(), id, refusal));
            return;
        }
        Member joiner = new Member(request.name(), request.connection());
        if (started) {
            joinRunningGame(joiner, request);
            return;
        }
        int offeredSide = request.observe() ? -1 : freeSideFor(joiner.name());
        joiner.observer = offeredSide < 0;
        members.add(joiner);

        joiner.connection().send(level); // the stored level as the host sent it (or as diffs left it)
        Document userList = userList();
        if (joiner.observer) {
            Document observerNotice = Document.create();
            observerNotice.root().addChild("observer").set("name", joiner.name());
            sendToOthers(joiner, observerNotice);
            sendToAll(userList);
        } else {
            Document offer = Document.create();
            offer.root().set("name", joiner.name()).set("side", offeredSide);
            host.connection().send(offer);
            sendToOthers(joiner, ServerMessages.message(joiner.name() + " has joined the game.", null));
            sendToAll(userList);
        }
        String sameIp = sameIpAs(joiner);
        if (sameIp != null) {
            sendToAll(ServerMessages.message(joiner.name() + " has the same IP as: " + sameIp, null));
        }
        if (joiner.observer && !request.observe()) {
            joiner.connection().send(ServerMessages.message("You are an observer.", null));
        }
        Document description = describe();
        boolean observer = joiner.observer;
        lobby.execute(() -> lobby.joined(request.name(), id, observer, description));
    }

    /**
     * Joining a started game: always as an observer, who gets the level as it was at the start,
     * {@code [start_game]}, the other observers, and everything played so far as one document.
     */
    private void joinRunningGame(Member joiner, JoinRequest request) {
        joiner.observer = true;
        joiner.connection().send(level);
        joiner.connection().send(ServerMessages.empty("start_game"));
        for (Member member : members) {
            if (member.observer) {
                Document notice = Document.create();
                notice.root().addChild("observer").set("name", member.name());
                joiner.connection().send(notice);
            }
        }
        joiner.connection().send(history.asOneDocument());
        members.add(joiner);
        Document notice = Document.create();
        notice.root().addChild("observer").set("name", joiner.name());
        sendToOthers(joiner, notice);
        String sameIp = sameIpAs(joiner);
        if (sameIp != null) {
            sendToAll(serverMessage(joiner.name() + " has the same IP as: " + sameIp));
        }
        if (!request.observe()) {
            joiner.connection().send(serverMessage("You are an observer."));
        }
        Document description = describe();
        lobby.execute(() -> lobby.joined(request.name(), id, true, description));
    }

    private String joinRefusal(JoinRequest request) {
        if (level == null) {
            return "Attempt to join an uninitialized game.";
        }
        if (!request.moderator()) {
            String password = createGame.root().children().get(0).attr("password", "");
            if (!password.isEmpty() && !password.equals(request.password())) {
                return "Incorrect password.";
            }
            boolean willObserve = request.observe() || freeSideFor(request.name()) < 0;
            if (willObserve && !observersAllowed()) {
                return "Attempt to observe a game that doesn't allow observers. (You probably joined the game "
                        + "shortly after it filled up.)";
            }
        }
        return null;
    }

    private boolean observersAllowed() {
        return level.root().child("multiplayer").toBool("observer", true);
    }

    /**
     * The side to offer (1-based): the first human or reserved side whose {@code current_player} is
     * the joiner, else the first human side nobody owns; -1 when there is none.
     */
    private int freeSideFor(String joinerName) {
        List<Node> sides = sides();
        for (int i = 0; i < sides.size(); i++) {
            Node side = sides.get(i);
            if ((side.attrEquals("controller", "human") || side.attrEquals("controller", "reserved"))
                    && side.text("current_player").equals(joinerName)) {
                return i + 1;
            }
        }
        for (int i = 0; i < sides.size(); i++) {
            Node side = sides.get(i);
            if (side.attrEquals("controller", "human") && owner(side) == null) {
                return i + 1;
            }
        }
        return -1;
    }

    private List<Node> sides() {
        Node start = GameDescription.startingPosition(level.root());
        return start == null ? List.of() : start.children("side");
    }

    /** Before the start, a side is the member's whose name is its {@code player_id}. */
    private Member owner(Node side) {
        if (!side.attrEquals("controller", "human") && !side.attrEquals("controller", "ai")) {
            return null;
        }
        return member(side.text("player_id"));
    }

    /** Root-level {@code [user] host= name= observer=} for every member, players first. */
    private Document userList() {
        Document list = Document.create();
        for (boolean observers : new boolean[] {false, true}) {
            for (Member member : members) {
                if (member.observer == observers) {
                    list.root().addChild("user").set("host", member == host).set("name", member.name())
                            .set("observer", member.observer);
                }
            }
        }
        return list;
    }

    private String sameIpAs(Member joiner) {
        List<String> names = new ArrayList<>();
        for (Member member : members) {
            if (member != joiner && member.ip().equals(joiner.ip())) {
                names.add(member.name());
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    // ------------------------------------------------------------------ configuration before the start

    /** The host's level change: applied to the stored level, relayed as received. */
    void applyScenarioDiff(Document document) {
        WmlDiff.apply(level.root(), document.root().child("scenario_diff"));
        sendToOthers(host, document);
        Document description = describe();
        lobby.execute(() -> lobby.gameChanged(id, description));
    }

    /** The lobby's {@code [game]} entry as it is now. */
    private Document describe() {
        String[] names = members.stream().map(Member::name).toArray(String[]::new);
        Document description = GameDescription.build(id, createGame.root().children().get(0), level.root(),
                host.name());
        Node game = description.root().child("game");
        if (started && frozenSlots != null) {
            // wesnothd stops recomputing the slots once the game runs.
            game.removeChildren("slot_data");
            game.addCopy(frozenSlots.root().child("slot_data"));
        } else {
            GameDescription.slotData(game, GameDescription.startingPosition(level.root()), names);
        }
        if (started) {
            game.addChild("turn_data").set("current", turn).set("max", maxTurns);
        }
        return description;
    }

    void sendToOthers(Member sender, Document document) {
        sendToOthers(sender, EncodedFrame.of(document));
    }

    private void sendToOthers(Member sender, EncodedFrame frame) {
        for (Member member : members) {
            if (member != sender) {
                member.connection().send(frame);
            }
        }
    }

    private void sendToAll(Document document) {
        sendToAll(EncodedFrame.of(document));
    }

    private void sendToAll(EncodedFrame frame) {
        for (Member member : members) {
            member.connection().send(frame);
        }
    }

    /** The member's connection ended (the lobby already took him off its list). */
    void disconnected(String memberName) {
        Member member = member(memberName);
        if (member != null && !ended) {
            leave(member, false);
        }
    }

    private void initialise(Document received) {
        Node root = received.root();
        if (root.child("multiplayer") == null) {
            end(null, false, "The scenario data is missing the [multiplayer] tag which contains the game settings. "
                    + "Game aborted.");
            return;
        }
        level = received;
        Document description = describe();
        level.compress(); // stored as the gzip it arrived in; rebuilt only when needed
        lobby.execute(() -> lobby.gameVisible(this, description, host.name()));
    }

    void leave(Member member, boolean voluntary) {
        members.remove(member);
        boolean playersLeft = members.stream().anyMatch(m -> !m.observer);
        if ((member == host && !started) || !playersLeft) {
            if (started && !members.isEmpty()) {
                sendToAll(serverMessage(member.name() + " ended the game."));
            }
            end(member, level != null, null);
            return;
        }
        if (member == host) {
            // The first remaining player becomes the host.
            for (Member candidate : members) {
                if (!candidate.observer) {
                    host = candidate;
                    host.connection().send(ServerMessages.empty("host_transfer"));
                    recordAndSendToAll(serverMessage(host.name() + " has been chosen as the new host."));
                    break;
                }
            }
        }
        if (member.observer) {
            Document quit = Document.create();
            quit.root().addChild("observer_quit").set("name", member.name());
            sendToAll(quit);
        } else {
            recordAndSendToAll(serverMessage(member.name()
                    + (voluntary ? " has left the game." : " has disconnected.")));
        }
        if (started) {
            dropSides(member);
        } else {
            sendToAll(userList());
        }
        Document description = describe();
        String name = member.name();
        lobby.execute(() -> lobby.memberLeft(name, id, description));
    }

    /**
     * Ends the game; the lobby brings the members back, those still in the game first and then
     * {@code leaver} (whose leaving ended it), the order wesnothd tells the lobby in.
     */
    private void end(Member leaver, boolean wasVisible, String hostError) {
        ended = true;
        LOG.info("Game {} '{}' ends{}", id, name, leaver != null ? " as " + leaver.name() + " leaves" : "");
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        for (Member member : members) {
            unique.add(member.name());
        }
        unique.add(leaver != null ? leaver.name() : host.name());
        List<String> names = new ArrayList<>(unique);
        String error = hostError;
        String reason = termination != null && !termination.isEmpty() ? termination
                : started ? "aborted" : "not started";
        lobby.execute(() -> lobby.gameEnded(this, names, wasVisible, error, reason));
        members.clear();
    }

    private Member member(String name) {
        for (Member member : members) {
            if (member.name().equals(name)) {
                return member;
            }
        }
        return null;
    }
}
