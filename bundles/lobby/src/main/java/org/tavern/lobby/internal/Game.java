package org.tavern.lobby.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.tavern.transport.Connection;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

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
    record Member(String name, Connection connection) {
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
            leave(member);
        }
    }

    /** The member's connection ended (the lobby already took him off its list). */
    void disconnected(String memberName) {
        Member member = member(memberName);
        if (member != null && !ended) {
            leave(member);
        }
    }

    private void initialise(Document received) {
        Node root = received.root();
        if (root.child("multiplayer") == null) {
            end(false, "The scenario data is missing the [multiplayer] tag which contains the game settings. "
                    + "Game aborted.");
            return;
        }
        level = received;
        Document description = GameDescription.build(id, createGame.root().children().get(0), root, host.name());
        level.compress(); // stored as the gzip it arrived in; rebuilt only when needed
        lobby.execute(() -> lobby.gameVisible(this, description, host.name()));
    }

    private void leave(Member member) {
        members.remove(member);
        if (member == host || members.isEmpty()) {
            end(level != null, null);
        }
    }

    private void end(boolean wasVisible, String hostError) {
        ended = true;
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        unique.add(host.name());
        for (Member member : members) {
            unique.add(member.name());
        }
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
