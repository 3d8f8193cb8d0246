package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * Who controls which side of a running game, and how control moves: the controller tweaks at the
 * start, {@code [change_controller]}, surrender, and the sides of a player who leaves. Before the
 * start ownership is read from the level ({@code player_id}); from the start on it is tracked here,
 * as wesnothd does. Runs on the game's actor.
 */
public final class Sides {

    private final Game game;
    /** Owner of each side (by name) once the game has started; null for sides nobody controls. */
    private String[] owners = new String[0];
    /** Controller type of each side ({@code human}, {@code ai}, {@code null}). */
    private String[] controllers = new String[0];
    /** The side whose turn it is (0-based). */
    private int current;

    Sides(Game game) {
        this.game = game;
    }

    /** Before the start, a side is the member's whose name is its {@code player_id}. */
    static Member ownerBeforeStart(Game game, Node side) {
        if (!side.attrEquals("controller", "human") && !side.attrEquals("controller", "ai")) {
            return null;
        }
        return game.member(side.text("player_id"));
    }

    int count() {
        return owners.length;
    }

    int current() {
        return current;
    }

    /** The owner of a side (0-based), or null. */
    public String owner(int side) {
        return side >= 0 && side < owners.length ? owners[side] : null;
    }

    /** The owner's name as wesnothd prints it in notices. */
    String ownerText(int side) {
        String owner = owner(side);
        return owner == null ? "<none>" : owner;
    }

    String[] owners() {
        return owners;
    }

    String[] controllers() {
        return controllers;
    }

    /** A handed-over game's sides, as {@link #owners()} and {@link #controllers()} were. */
    void restore(String[] restoredOwners, String[] restoredControllers, int restoredCurrent) {
        owners = restoredOwners.clone();
        controllers = restoredControllers.clone();
        current = restoredCurrent;
    }

    boolean isCurrentPlayer(Member member) {
        return member.name().equals(owner(current));
    }

    boolean owns(Member member, int side) {
        return member.name().equals(owner(side));
    }

    public boolean ownsAny(Member member) {
        return firstSideOf(member) >= 0;
    }

    /** The member's first side (0-based), or -1. */
    int firstSideOf(Member member) {
        for (int i = 0; i < owners.length; i++) {
            if (member.name().equals(owners[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The members owning any of the sides in a comma list of side numbers. */
    List<Member> playersOf(String sideList) {
        List<Member> result = new ArrayList<>();
        for (String part : sideList.split(",")) {
            int side;
            try {
                side = Integer.parseInt(part.trim()) - 1;
            } catch (NumberFormatException e) {
                continue;
            }
            Member owner = game.member(owner(side));
            if (owner != null && !result.contains(owner)) {
                result.add(owner);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ the start

    /**
     * The controller tweaks of {@code [start_game]}: every side with a controller gets an owner (the
     * host when nobody claimed it), every member is told each side's controller with
     * {@code is_local} for its owner, and the host is never told about his own sides.
     */
    void assignAtStart(List<Node> levelSides) {
        owners = new String[levelSides.size()];
        controllers = new String[levelSides.size()];
        current = 0;
        Member host = game.host();
        for (int i = 0; i < levelSides.size(); i++) {
            Node side = levelSides.get(i);
            String controller = side.attr("controller", "");
            controllers[i] = controller;
            if (controller.equals("null")) {
                continue;
            }
            Member owner = game.member(side.text("player_id"));
            if (owner == null) {
                owner = host;
                game.sendToAll(game.serverMessage("Side " + (i + 1) + " had no controller during controller "
                        + "tweaks! The host was assigned control."));
            }
            owners[i] = owner.name();
            side.set("is_local", "no");
            for (Member member : game.members()) {
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
    }

    /** The current player ended his turn: the next side that has a controller plays; true on a new turn. */
    boolean endTurn(int nextPlayerNumber) {
        int sides = owners.length;
        if (sides == 0) {
            return false;
        }
        int next = nextPlayerNumber > 0 ? nextPlayerNumber - 1 : current + 1;
        for (int tries = 0; tries < sides && owners[Math.floorMod(next, sides)] == null; tries++) {
            next++;
        }
        boolean wrapped = next >= sides || Math.floorMod(next, sides) <= current;
        current = Math.floorMod(next, sides);
        return wrapped;
    }

    /** A scenario's Lua changed a side's kind of controller. */
    void setController(int side, String controller) {
        controllers[side] = controller;
    }

    /** A scenario's Lua added a side ({@code [add_side_wml]}): nobody controls it yet. */
    void addSide() {
        owners = Arrays.copyOf(owners, owners.length + 1);
        controllers = Arrays.copyOf(controllers, controllers.length + 1);
        controllers[controllers.length - 1] = "null";
    }

    // ------------------------------------------------------------------ moving control

    /** {@code [change_controller] side= player= to=}: a player gives a side away, or the host moves it. */
    public void changeController(Member sender, Node request) {
        if (!ownsAny(sender) && !game.isHost(sender)) {
            game.tell(sender, "You cannot change controllers: not a player.");
            return;
        }
        int side = request.toInt("side", 0) - 1;
        if (side < 0 || side >= owners.length) {
            game.tell(sender, "The side number has to be between 1 and " + owners.length + ".");
            return;
        }
        String playerName = request.text("player");
        if (playerName.isEmpty()) {
            game.tell(sender, "Received invalid [change_controller] with no player= attribute specified");
            return;
        }
        if (!owns(sender, side) && !game.isHost(sender)) {
            game.tell(sender, "You can't give away side " + (side + 1) + ". It's controlled by '"
                    + (owner(side) == null ? "null" : owner(side)) + "' not you.");
            return;
        }
        Member target = game.member(playerName);
        if (target == null) {
            game.tell(sender, playerName + " is not in this game");
            return;
        }
        if (owns(target, side)) {
            String to = request.attr("to", controllers[side]);
            if (to.isEmpty() || to.equals(controllers[side])) {
                game.tell(sender, "Side " + (side + 1) + " is already controlled by " + target.name() + ".");
                return;
            }
            // Only the kind of controller changes: the others hear of it, the owner's client did it.
            controllers[side] = to;
            game.sendToOthers(target, changeController(side + 1, target.name(), to, false));
            return;
        }
        transfer(side, target);
    }

    /**
     * A side changes hands: a previous owner left with no side becomes an observer, everyone hears
     * who took control, and an observer who gets a side becomes a player. All of it is recorded.
     */
    void transfer(int side, Member newOwner) {
        Member oldOwner = game.member(owner(side));
        owners[side] = newOwner.name();
        if (oldOwner != null && oldOwner != newOwner && !ownsAny(oldOwner)) {
            oldOwner.observer = true;
            tellLobbyOfRole(oldOwner);
            game.recordAndSendToAll(game.serverMessage(oldOwner.name() + " becomes an observer."));
            game.sendToOthers(oldOwner, Game.observerNotice(oldOwner.name()));
        }
        game.recordAndSendToAll(game.serverMessage(newOwner.name() + " takes control of side " + (side + 1) + "."));
        game.recordAndSendOthers(newOwner, changeController(side + 1, newOwner.name(), controllers[side], false));
        newOwner.connection().send(changeController(side + 1, newOwner.name(), controllers[side], true));
        becomePlayer(newOwner);
    }

    /**
     * {@code [surrender] side_number=N} (0-based, wesnothd's quirk) of the sender's own side: the
     * side goes to the next side's owner when the host surrenders, else to the host.
     */
    void surrender(Member sender, int side) {
        if (!owns(sender, side)) {
            return;
        }
        Member heir = game.host();
        if (game.isHost(sender)) {
            heir = game.member(owner((side + 1) % owners.length));
            if (heir == null || heir == sender) {
                heir = nextOtherPlayer(sender);
            }
        }
        if (heir != null && heir != sender) {
            transfer(side, heir);
        }
        game.recordAndSendToAll(game.serverMessage(sender.name() + " has surrendered."));
    }

    private Member nextOtherPlayer(Member sender) {
        for (Member member : game.members()) {
            if (member != sender && !member.observer) {
                return member;
            }
        }
        return null;
    }

    /**
     * A player left a started game: each of his sides goes to the host, who gets {@code [side_drop]}
     * (to let him choose who plays it) while everyone else is told the new controller. Taking over an
     * AI side is not announced one by one; one line says the AI sides went to the host.
     */
    void dropSidesOf(Member leaver) {
        Member host = game.host();
        boolean aiSides = false;
        for (int i = 0; i < owners.length; i++) {
            if (!leaver.name().equals(owners[i])) {
                continue;
            }
            owners[i] = host.name();
            String controller = controllers[i].isEmpty() ? "human" : controllers[i];
            if (controller.equals("ai")) {
                aiSides = true;
            } else {
                game.recordAndSendToAll(game.serverMessage(host.name() + " takes control of side " + (i + 1) + "."));
            }
            game.recordAndSendOthers(host, changeController(i + 1, host.name(), controller, false));
            Document drop = Document.create();
            drop.root().addChild("side_drop").set("controller", controller).set("side_num", i + 1);
            host.connection().send(drop);
            becomePlayer(host);
        }
        if (aiSides) {
            game.recordAndSendToAll(game.serverMessage("AI sides transferred to host."));
        }
    }

    private void becomePlayer(Member member) {
        if (member.observer) {
            member.observer = false;
            tellLobbyOfRole(member);
            game.sendToOthers(member, Game.observerQuit(member.name()));
        }
    }

    private void tellLobbyOfRole(Member member) {
        String name = member.name();
        boolean observer = member.observer;
        int gameId = game.id;
        game.lobby.roleChanged(name, gameId, observer);
    }

    public static Document changeController(int side, String player, String controller, boolean local) {
        Document document = Document.create();
        document.root().addChild("change_controller").set("controller", controller).set("is_local", local)
                .set("player", player).set("side", side);
        return document;
    }

    @Override
    public String toString() {
        return Arrays.toString(owners);
    }
}
