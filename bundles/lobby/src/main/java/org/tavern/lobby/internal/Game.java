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
        if (root.child("leave_game") != null) {
            leave(member, true);
            return;
        }
        if (root.child("scenario_diff") != null) {
            if (member == host) {
                applyScenarioDiff(document);
            }
            return;
        }
        if (root.child("change_faction") != null || root.child("stop_updates") != null) {
            sendToOthers(member, document);
            return;
        }
        Node message = root.child("message");
        if (message != null) {
            Document relay = Document.create();
            Node copy = relay.root().addCopy(message);
            copy.set("sender", member.name());
            copy.setRaw("message", Lobby.truncateRaw(message.attr("message", "")));
            sendToOthers(member, relay);
        }
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
    private void applyScenarioDiff(Document document) {
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
        GameDescription.slotData(description.root().child("game"),
                GameDescription.startingPosition(level.root()), names);
        return description;
    }

    private void sendToOthers(Member sender, Document document) {
        EncodedFrame frame = EncodedFrame.of(document);
        for (Member member : members) {
            if (member != sender) {
                member.connection().send(frame);
            }
        }
    }

    private void sendToAll(Document document) {
        EncodedFrame frame = EncodedFrame.of(document);
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

    private void leave(Member member, boolean voluntary) {
        members.remove(member);
        if (member == host || members.isEmpty()) {
            end(member, level != null, null);
            return;
        }
        if (member.observer) {
            Document quit = Document.create();
            quit.root().addChild("observer_quit").set("name", member.name());
            sendToAll(quit);
        } else {
            sendToAll(ServerMessages.message(member.name() + (voluntary ? " has left the game." : " has disconnected."),
                    null));
        }
        sendToAll(userList());
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
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        for (Member member : members) {
            unique.add(member.name());
        }
        unique.add(leaver != null ? leaver.name() : host.name());
        List<String> names = new ArrayList<>(unique);
        String error = hostError;
        lobby.execute(() -> lobby.gameEnded(this, names, wasVisible, error));
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
