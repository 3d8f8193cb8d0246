package org.tavern.lobby.internal.game;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.Levels;
import org.tavern.lobby.internal.common.ServerMessages;
import org.tavern.lobby.internal.history.ReplayWriter;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.Node;
import org.tavern.wml.WmlDiff;

/**
 * A game's scenarios, on its actor: the host's level makes the game visible, each
 * {@code [start_game]} starts a scenario, the host moves on to the next one and the members follow,
 * and a scenario's end is recorded in the history (and saved as a replay when configured).
 */
public final class ScenarioFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioFlow.class);

    private final Game game;
    private final GameState state;

    ScenarioFlow(Game game, GameState state) {
        this.game = game;
        this.state = state;
    }

    /** The first player's termination report labels the game; "out of sync" is also announced. */
    public void reportTermination(Member member, Node info) {
        if (!info.attrEquals("type", "termination") || member.observer) {
            return;
        }
        if (state.termination == null) {
            state.termination = info.text("condition");
        }
        if (state.scenarioTermination == null) {
            state.scenarioTermination = info.text("condition");
        }
        if (info.attrEquals("condition", "out of sync")) {
            game.recordAndSendToAll(game.serverMessage(member.name() + " reports out of sync errors."));
        }
    }

    /**
     * {@code [start_game]}: the controller tweaks, the relay, then the game counts as started at
     * turn 1 and the lobby sees {@code [turn_data]}.
     */
    public void start(Document startGame) {
        game.sides.assignAtStart(game.levelSides());
        game.sendToOthers(state.host, startGame);
        state.frozenSlots = Document.create();
        state.frozenSlots.root().addCopy(game.describe().root().child("game").child("slot_data"));
        state.started = true;
        state.chatBeforeStart.clear();
        state.startingLevel = state.level;
        state.turn = 1;
        Node start = Levels.startingPosition(state.level.root());
        state.maxTurns = start == null ? -1 : start.toInt("turns", -1);
        state.history.clear();
        LOG.info("Game {} '{}' started scenario '{}' with {} sides", state.id, state.name,
                start == null ? "?" : start.text("id"), game.sides.count());
        state.scenarioTermination = null;
        game.lobby.gameArchive().started(state.id, GameStartRecord.of(game, game.lobby.nowMillis()));
        for (Member observer : state.members) {
            if (observer.observer) {
                game.sendToOthers(observer, Game.observerNotice(observer.name()));
            }
        }
        game.tellLobbyOfChange();
        org.tavern.api.GameInfo info = game.info();
        game.lobby.plugins().tell("the start of game " + state.id, listener -> listener.gameStarted(info));
    }

    /**
     * The host moves on to the next scenario: the one played is saved as a replay (if configured),
     * the next becomes the stored level, the game waits for its {@code [start_game]}, and the other
     * members are told to load it.
     */
    public void storeNextScenario(Node next) {
        if (next.child("multiplayer") == null) {
            game.end(state.host, true, "The scenario data is missing the [multiplayer] tag which contains the game settings. "
                    + "Game aborted.");
            return;
        }
        String replay = saveReplay();
        game.lobby.gameArchive().ended(state.id, game.lobby.nowMillis(), recordedEnding(Game.NEXT_SCENARIO), replay);
        Document multiplayer = Document.create();
        multiplayer.root().addCopy(next.child("multiplayer"));
        state.laterMultiplayers.add(multiplayer);
        Document stored = Document.create();
        stored.root().copyContentsFrom(next);
        state.level = stored;
        state.started = false;
        state.notAdvanced.clear();
        for (Member member : state.members) {
            if (member != state.host) {
                state.notAdvanced.add(member.name());
            }
        }
        game.sendToOthers(state.host, ServerMessages.empty("notify_next_scenario"));
        LOG.info("Game {} '{}': the host moved on to the next scenario", state.id, state.name);
        game.tellLobbyOfChange();
    }

    /**
     * A member loads the scenario the host moved on to: he gets the level ({@code [next_scenario]}),
     * which sides are his ({@code [controllers]}), and everything played since its start.
     */
    public void loadNextScenario(Member member) {
        if (!state.notAdvanced.remove(member.name())) {
            return;
        }
        game.sendToOthers(member, game.serverMessage(member.name() + " advances to the next scenario"));
        LOG.info("Game {} '{}': {} advanced to the next scenario", state.id, state.name, member.name());
        Document next = Document.create();
        Node element = next.root().addChild("next_scenario");
        element.copyContentsFrom(state.level.root());
        element.set("started", state.started);
        member.connection().send(next);
        Document controllers = Document.create();
        Node list = controllers.root().addChild("controllers");
        for (int i = 0; i < game.levelSides().size(); i++) {
            list.addChild("controller").set("is_local", member.name().equals(game.sides.owner(i)));
        }
        member.connection().send(controllers);
        for (EncodedFrame recorded : state.history.frames()) {
            member.connection().send(recorded);
        }
        for (Member observer : state.members) {
            if (observer.observer && observer != member) {
                member.connection().send(Game.observerNotice(observer.name()));
            }
        }
    }

    /** A scenario's Lua changed the turn count: the lobby shows the new figures; values over 10000 are ignored. */
    public void changeTurns(Node turns) {
        int newCurrent = turns.toInt("current", state.turn);
        int newMax = turns.toInt("max", state.maxTurns);
        if (newCurrent > 10_000 || newMax > 10_000) {
            return;
        }
        state.turn = newCurrent;
        state.maxTurns = newMax;
        game.tellLobbyOfChange();
    }

    /** The host's level change: applied to the stored level, relayed as received. */
    public void applyScenarioDiff(Document document) {
        WmlDiff.apply(state.level.root(), document.root().child("scenario_diff"));
        game.sendToOthers(state.host, document);
        game.tellLobbyOfChange();
    }

    /** The current scenario's record ends with what a player reported of it, else with {@code otherwise}. */
    String recordedEnding(String otherwise) {
        return state.scenarioTermination != null && !state.scenarioTermination.isEmpty() ? state.scenarioTermination : otherwise;
    }

    /**
     * With {@code save_replays}, the scenario played so far is written for replay tools; returns the
     * file's name (as the game history records it), or null when none is written.
     */
    String saveReplay() {
        if (state.started && state.startingLevel != null && !state.history.isEmpty()) {
            ReplayWriter writer = game.lobby.replays();
            if (writer != null) {
                return writer.save(state.id, state.name, state.startingLevel, state.history, state.turn);
            }
        }
        return null;
    }

    void initialise(Document received) {
        Node root = received.root();
        if (root.child("multiplayer") == null) {
            game.end(null, false, "The scenario data is missing the [multiplayer] tag which contains the game settings. "
                    + "Game aborted.");
            return;
        }
        org.tavern.api.Decision decision = game.lobby.plugins().allowCreate(proposal(root.child("multiplayer")));
        if (!decision.allowed()) {
            LOG.info("Game {} '{}' of {} refused by a game rule: {}", state.id, state.name, state.host.name(), decision.reason());
            game.end(null, false, decision.reason().isEmpty() ? "This server does not allow this game." : decision.reason());
            return;
        }
        if (!decision.gameName().isEmpty() && !decision.gameName().equals(state.name)) {
            LOG.info("Game {} '{}' of {} is shown as '{}' by a game rule", state.id, state.name, state.host.name(), decision.gameName());
            state.name = decision.gameName();
            game.createGameRequest().set("name", state.name);
        }
        state.level = received;
        state.firstMultiplayer = Document.create();
        state.firstMultiplayer.root().addCopy(root.child("multiplayer"));
        Document description = game.describe();
        state.level.compress(); // stored as the gzip it arrived in; rebuilt only when needed
        game.lobby.gameVisible(game, description, state.host.name());
    }

    /** The game as the plugins' rules judge it: the host's {@code [create_game]} and the level's settings. */
    private org.tavern.api.GameProposal proposal(Node multiplayer) {
        List<String> mods = new ArrayList<>();
        for (String mod : multiplayer.text("active_mods").split(",")) {
            if (!mod.isBlank()) {
                mods.add(mod.trim());
            }
        }
        return new org.tavern.api.GameProposal(state.host.name(), state.name, !game.createGameRequest().attr("password", "").isEmpty(),
                multiplayer.text("mp_era"), multiplayer.text("mp_scenario"), mods);
    }
}
