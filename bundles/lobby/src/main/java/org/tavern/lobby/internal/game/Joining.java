package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.List;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.lobby.internal.common.ServerMessages;

/**
 * Who may join a game and what each party is sent when someone does, before the start (the level,
 * the side offer to the host, the user list) and after it (the level as it started, the observers
 * and the whole history as one document). Runs on the game's actor.
 */
final class Joining {

    private final Game game;

    Joining(Game game) {
        this.game = game;
    }

    /** Why the request is refused (wesnothd's order of checks), or null when it may join. */
    String refusal(JoinRequest request) {
        if (game.level() == null) {
            return "Attempt to join an uninitialized game.";
        }
        if (request.moderator()) {
            return null;
        }
        if (game.moderation.isBanned(request.name(), request.connection().remoteIp())) {
            return "You are banned from this game.";
        }
        String password = game.createGameRequest().attr("password", "");
        if (!password.isEmpty() && !password.equals(request.password())) {
            return "Incorrect password.";
        }
        boolean willObserve = request.observe() || game.isStarted() || freeSideFor(request.name()) < 0;
        if (willObserve && !observersAllowed()) {
            return "Attempt to observe a game that doesn't allow observers. (You probably joined the game "
                    + "shortly after it filled up.)";
        }
        return null;
    }

    private boolean observersAllowed() {
        return game.level().root().child("multiplayer").toBool("observer", true);
    }

    /**
     * Before the start: the joiner gets the stored level and the user list; a player's arrival is
     * announced and the host is offered a side for him, an observer's is an {@code [observer]}.
     */
    void joinBeforeStart(Member joiner, JoinRequest request) {
        int offeredSide = request.observe() ? -1 : freeSideFor(joiner.name());
        joiner.observer = offeredSide < 0;
        game.addMember(joiner);
        joiner.connection().send(game.level()); // the stored level as the host sent it (or as diffs left it)
        Document userList = userList();
        if (joiner.observer) {
            game.sendToOthers(joiner, Game.observerNotice(joiner.name()));
            game.sendToAll(userList);
        } else {
            Document offer = Document.create();
            offer.root().set("name", joiner.name()).set("side", offeredSide);
            game.host().connection().send(offer);
            game.sendToOthers(joiner, ServerMessages.message(joiner.name() + " has joined the game.", null));
            game.sendToAll(userList);
        }
        game.chat().sendHistory(joiner);
        announceSameIp(joiner);
        if (joiner.observer && !request.observe()) {
            game.tell(joiner, "You are an observer.");
        }
    }

    /**
     * Joining a started game: always as an observer, who gets the level as it was at the start,
     * {@code [start_game]}, the other observers, and everything played so far as one document.
     */
    void joinRunningGame(Member joiner, JoinRequest request, Document startingLevel) {
        joiner.observer = true;
        joiner.connection().send(startingLevel);
        joiner.connection().send(ServerMessages.empty("start_game"));
        for (Member member : game.members()) {
            if (member.observer) {
                joiner.connection().send(Game.observerNotice(member.name()));
            }
        }
        if (!game.history().isEmpty()) {
            joiner.connection().send(game.history().asOneDocument()); // wesnothd sends no empty history
        }
        game.addMember(joiner);
        game.sendToOthers(joiner, Game.observerNotice(joiner.name()));
        announceSameIp(joiner);
        if (!request.observe()) {
            game.tell(joiner, "You are an observer.");
        }
    }

    private void announceSameIp(Member joiner) {
        List<String> names = new ArrayList<>();
        for (Member member : game.members()) {
            if (member != joiner && member.ip().equals(joiner.ip())) {
                names.add(member.name());
            }
        }
        if (!names.isEmpty()) {
            game.recordAndSendToAll(game.serverMessage(joiner.name() + " has the same IP as: "
                    + String.join(", ", names)));
        }
    }

    /**
     * The side to offer (1-based): the first human or reserved side whose {@code current_player} is
     * the joiner, else the first human side nobody owns; -1 when there is none.
     */
    private int freeSideFor(String joinerName) {
        List<Node> sides = game.levelSides();
        for (int i = 0; i < sides.size(); i++) {
            Node side = sides.get(i);
            if ((side.attrEquals("controller", "human") || side.attrEquals("controller", "reserved"))
                    && side.text("current_player").equals(joinerName)) {
                return i + 1;
            }
        }
        for (int i = 0; i < sides.size(); i++) {
            Node side = sides.get(i);
            if (side.attrEquals("controller", "human") && Sides.ownerBeforeStart(game, side) == null) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Root-level {@code [user] host= name= observer=} for every member, players first. */
    Document userList() {
        Document list = Document.create();
        for (boolean observers : new boolean[] {false, true}) {
            for (Member member : game.members()) {
                if (member.observer == observers) {
                    list.root().addChild("user").set("host", game.isHost(member)).set("name", member.name())
                            .set("observer", member.observer);
                }
            }
        }
        return list;
    }
}
