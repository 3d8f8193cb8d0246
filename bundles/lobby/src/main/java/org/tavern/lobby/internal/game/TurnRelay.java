package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * What players send while a scenario runs: {@code [turn]} (checked, recorded, relayed), the speaks
 * inside it (routed to teams, observers or everyone), {@code [whiteboard]} plans and the random
 * seeds of {@code [request_choice]}. Runs on the game's actor.
 */
public final class TurnRelay {

    /** The team name a speak addresses to reach the observers only. */
    private static final String OBSERVER_TEAM = "observer";

    private final Game game;
    private long lastChoiceRequest;

    TurnRelay(Game game) {
        this.game = game;
    }

    /** The last {@code [request_choice]} answered: a state handover carries it. */
    long lastChoiceRequest() {
        return lastChoiceRequest;
    }

    void restoreLastChoiceRequest(long requestId) {
        lastChoiceRequest = requestId;
    }

    /**
     * A {@code [turn]}: illegal commands (and those a plugin's rule refuses) are removed (and
     * announced), speaks get their real sender,
     * then the document is recorded and relayed; unchanged, it goes out as the exact bytes it came
     * in. A turn holding a speak for a team or from a muted observer is split into one turn per
     * command, each sent where it belongs.
     */
    public void relayTurn(Member sender, Document document) {
        Sides sides = game.sides;
        Node turnNode = document.root().child("turn");
        removeIllegalCommands(sender, turnNode);
        boolean split = false;
        List<Node> filteredOut = new ArrayList<>();
        for (Node command : turnNode.children("command")) {
            Node speak = command.child("speak");
            if (speak != null) {
                claimSpeak(sender, speak);
                if (!passesFilters(sender, speak)) {
                    filteredOut.add(command);
                    continue;
                }
                split |= !speak.attr("to_sides", "").isEmpty() || game.moderation.isMuted(sender);
            }
            Node endTurn = command.child("end_turn");
            if (endTurn != null && sides.isCurrentPlayer(sender) && sides.endTurn(endTurn.toInt("next_player_number", 0))) {
                game.advanceTurn();
                game.tellLobbyOfChange();
            }
            Node surrender = command.child("surrender");
            if (surrender != null) {
                sides.surrender(sender, surrender.toInt("side_number", -1));
            }
        }
        filteredOut.forEach(turnNode::removeChild);
        if (turnNode.children().isEmpty()) {
            return;
        }
        if (split) {
            game.lobby.counters().turnRelayed(relayCommandByCommand(sender, turnNode));
            return;
        }
        EncodedFrame frame = EncodedFrame.of(document);
        game.record(document, frame);
        game.lobby.counters().turnRelayed(game.sendToOthers(sender, frame));
    }

    /**
     * Removes the commands wesnothd's rules forbid and, when some plugin rule looks at turns, those
     * it refuses: each removal is announced to every member alike ({@code Removing illegal command});
     * a rule's reason is told to the sender as well.
     */
    private void removeIllegalCommands(Member sender, Node turnNode) {
        Sides sides = game.sides;
        // without turn rules (the usual case) this is all the plugins cost a turn: one check
        boolean screened = game.lobby.plugins().screensTurns();
        List<Node> illegal = new ArrayList<>();
        List<Node> legal = screened ? new ArrayList<>() : null;
        for (Node command : turnNode.children("command")) {
            if (!TurnRules.legal(sender.name(), game.isHost(sender), command, sides.owners(), sides.current())) {
                illegal.add(command);
            } else if (screened) {
                legal.add(command);
            }
        }
        List<String> reasons = screened ? new ArrayList<>() : List.of();
        if (screened && !legal.isEmpty()) {
            refusedByRules(sender, legal, illegal, reasons);
        }
        for (Node command : illegal) {
            turnNode.removeChild(command);
            game.recordAndSendToAll(game.serverMessage("Removing illegal command '" + firstChildName(command)
                    + "' from: " + sender.name() + ". Current player is: " + sides.ownerText(sides.current()) + " ("
                    + (sides.current() + 1) + "/" + sides.count() + ")."));
        }
        for (String reason : reasons) {
            game.tell(sender, reason);
        }
    }

    /**
     * Asks the plugins' turn rules about the legal commands: the refused ones join {@code illegal},
     * and the non-empty reasons {@code reasons}. Only here are commands turned into views for plugins.
     */
    private void refusedByRules(Member sender, List<Node> legal, List<Node> illegal, List<String> reasons) {
        org.tavern.api.GameInfo info = game.info();
        List<org.tavern.api.TurnCommand> views = new ArrayList<>(legal.size());
        for (Node command : legal) {
            views.add(view(info, sender, command));
        }
        org.tavern.api.Decision[] refusals = game.lobby.plugins().allowTurnCommands(views);
        for (int i = 0; i < refusals.length; i++) {
            if (refusals[i] != null) {
                illegal.add(legal.get(i));
                if (!refusals[i].reason().isEmpty()) {
                    reasons.add(refusals[i].reason());
                }
            }
        }
    }

    private org.tavern.api.TurnCommand view(org.tavern.api.GameInfo info, Member sender, Node command) {
        int side = command.has("from_side") ? command.toInt("from_side", 0) : game.sides.current() + 1;
        Node child = command.children().isEmpty() ? null : command.children().get(0);
        java.util.Map<String, String> attributes = new java.util.HashMap<>();
        if (child != null) {
            for (String key : child.attributeNames()) {
                attributes.put(key, child.text(key));
            }
        }
        return new org.tavern.api.TurnCommand(info, sender.name(), Math.max(0, side), firstChildName(command), attributes);
    }

    private static String firstChildName(Node command) {
        return command.children().isEmpty() ? "" : command.children().get(0).name();
    }

    /** The plugins' message filters on a speak: false if it is not delivered, its text rewritten if they say so. */
    private boolean passesFilters(Member sender, Node speak) {
        String text = speak.text("message");
        String delivered = game.lobby.plugins().screenChat(new org.tavern.api.ChatMessage(
                org.tavern.api.ChatMessage.Kind.GAME_CHAT, sender.name(), "", game.id, text), sender.connection(),
                reply -> game.tell(sender, reply));
        if (delivered == null) {
            return false;
        }
        if (!delivered.equals(text)) {
            speak.set("message", delivered);
        }
        return true;
    }

    /**
     * A speak is the sender's: {@code id} is his name, the text at most 256 characters, and a
     * player's {@code side} one of his (the current side when it is his turn, else his first).
     */
    private void claimSpeak(Member sender, Node speak) {
        if (!speak.attrEquals("id", sender.name())) {
            speak.set("id", sender.name());
        }
        String raw = speak.attr("message", "");
        String cut = ServerMessages.truncateRaw(raw);
        if (!cut.equals(raw)) {
            speak.setRaw("message", cut);
        }
        Sides sides = game.sides;
        if (!sides.ownsAny(sender)) {
            return;
        }
        int side = speak.toInt("side", 0) - 1;
        if (!sides.owns(sender, side)) {
            int mine = sides.isCurrentPlayer(sender) ? sides.current() : sides.firstSideOf(sender);
            speak.set("side", mine + 1);
        }
    }

    /**
     * Each command as its own turn: moves to everyone else; a speak (marked {@code undo=no}) to
     * everyone else, to the observers only, or to the players of the listed sides (not recorded); a
     * muted observer's speak reaches nobody but the observers, if addressed to them. Returns the
     * bytes sent.
     */
    private long relayCommandByCommand(Member sender, Node turnNode) {
        long bytes = 0;
        for (Node command : turnNode.children("command")) {
            Node speak = command.child("speak");
            Document single = Document.create();
            if (speak == null) {
                single.root().addChild("turn").addCopy(command);
                bytes += game.recordAndSendOthers(sender, single);
                continue;
            }
            String toSides = speak.attr("to_sides", "");
            if (game.moderation.isMuted(sender) && !toSides.equals(OBSERVER_TEAM)) {
                game.tell(sender, "You have been muted, others can't see your message!");
                continue;
            }
            single.root().addChild("turn").addChild("command").set("undo", "no").addCopy(speak);
            if (toSides.isEmpty()) {
                bytes += game.recordAndSendOthers(sender, single);
            } else if (toSides.equals(OBSERVER_TEAM)) {
                EncodedFrame frame = EncodedFrame.of(single);
                game.record(single, frame);
                for (Member member : game.members()) {
                    if (member.observer && member != sender) {
                        member.connection().send(frame);
                        bytes += frame.size();
                    }
                }
            } else {
                bytes += sendToPlayersOf(toSides, sender, single);
            }
        }
        return bytes;
    }

    /** Planned moves: only to the owners of {@code to_sides}, never recorded. */
    public void relayWhiteboard(Member sender, Document document, Node whiteboard) {
        int side = whiteboard.toInt("side", 0) - 1;
        if (!game.sides.owns(sender, side)) {
            game.recordAndSendToAll(game.serverMessage("Ignoring illegal whiteboard data, sent from user '"
                    + sender.name() + "' which had an invalid side '" + whiteboard.attr("side", "") + "' specified\n"));
            return;
        }
        sendToPlayersOf(whiteboard.attr("to_sides", ""), sender, document);
    }

    /**
     * To the owners of the listed sides (a comma list of side numbers) but the sender; never recorded.
     * Returns the bytes sent.
     */
    private long sendToPlayersOf(String sideList, Member sender, Document document) {
        EncodedFrame frame = EncodedFrame.of(document);
        long bytes = 0;
        for (Member member : game.sides.playersOf(sideList)) {
            if (member != sender) {
                member.connection().send(frame);
                bytes += frame.size();
            }
        }
        return bytes;
    }

    /**
     * {@code [request_choice] request_id=N} with one request, answered once per id to every member:
     * {@code [random_seed]} gets a new seed, {@code [change_controller_wml]} (a scenario's Lua moved a
     * side) is confirmed to each member with {@code is_local} for the side's owner,
     * {@code [add_side_wml]} adds a side nobody controls; anything else is announced as unknown.
     */
    public void answerChoice(Node request) {
        long requestId = request.toInt("request_id", 0);
        if (requestId <= lastChoiceRequest) {
            return;
        }
        lastChoiceRequest = requestId;
        if (request.children().isEmpty()) {
            return;
        }
        Node choice = request.children().get(0);
        switch (choice.name()) {
            case "random_seed" -> game.recordAndSendToAll(withRequestId(serverChoice("random_seed")
                    .set("new_seed", String.format("%08x", ThreadLocalRandom.current().nextInt())), requestId)
                    .document());
            case "change_controller_wml" -> confirmControllerChange(choice, requestId);
            case "add_side_wml" -> game.sides.addSide();
            default -> game.recordAndSendToAll(game.serverMessage(
                    "Found unknown server choice request: [" + choice.name() + "]"));
        }
    }

    /** {@code [turn][command dependent=yes from_side=server][<name>]}: the element to fill in. */
    private static Node serverChoice(String name) {
        Document answer = Document.create();
        return answer.root().addChild("turn").addChild("command").set("dependent", "yes")
                .set("from_side", "server").addChild(name);
    }

    /** 1.18 answers name the request they answer ({@code request_id}); 1.16 answers do not. */
    private Node withRequestId(Node answer, long requestId) {
        return game.line.since118() ? answer.set("request_id", requestId) : answer;
    }

    private void confirmControllerChange(Node change, long requestId) {
        int side = change.toInt("side", 0) - 1;
        String controller = change.attr("new_controller", "");
        if (side < 0 || side >= game.sides.count() || controller.isEmpty()) {
            return;
        }
        game.sides.setController(side, controller);
        Node forOthers = withRequestId(serverChoice("change_controller_wml").set("controller", controller)
                .set("is_local", false), requestId);
        EncodedFrame frame = EncodedFrame.of(forOthers.document());
        game.record(forOthers.document(), frame);
        for (Member member : game.members()) {
            if (game.sides.owns(member, side)) {
                member.connection().send(withRequestId(serverChoice("change_controller_wml")
                        .set("controller", controller).set("is_local", true), requestId).document());
            } else {
                member.connection().send(frame);
            }
        }
    }
}
