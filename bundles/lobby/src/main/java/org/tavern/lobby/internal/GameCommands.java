package org.tavern.lobby.internal;

import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * The in-game requests, one small class each; who may send what is decided here, what it does in
 * {@link Game}.
 */
final class GameCommands {

    private GameCommands() {
    }

    /** {@code [leave_game]}: back to the lobby. */
    static final class LeaveGame implements GameCommand {
        @Override
        public String tag() {
            return "leave_game";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.leave(member, Game.Departure.LEFT);
        }
    }

    /** {@code [scenario_diff]}: the host changes the level before the start. */
    static final class ScenarioDiff implements GameCommand {
        @Override
        public String tag() {
            return "scenario_diff";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isHost(member)) {
                game.applyScenarioDiff(document);
            }
        }
    }

    /** {@code [store_next_scenario]}: the host moves on to the next scenario. */
    static final class StoreNextScenario implements GameCommand {
        @Override
        public String tag() {
            return "store_next_scenario";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isHost(member)) {
                game.storeNextScenario(element);
            }
        }
    }

    /** {@code [load_next_scenario]}: a member follows the host to the next scenario. */
    static final class LoadNextScenario implements GameCommand {
        @Override
        public String tag() {
            return "load_next_scenario";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.loadNextScenario(member);
        }
    }

    /** {@code [start_game]}: the host starts (each scenario). */
    static final class StartGame implements GameCommand {
        @Override
        public String tag() {
            return "start_game";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isHost(member) && !game.isStarted()) {
                game.start(document);
            }
        }
    }

    /** {@code [turn]}: moves, after the start. */
    static final class Turn implements GameCommand {
        @Override
        public String tag() {
            return "turn";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isStarted()) {
                game.relay.relayTurn(member, document);
            }
        }
    }

    /** {@code [request_choice]}: players (and the host) who are in the current scenario ask for a seed. */
    static final class RequestChoice implements GameCommand {
        @Override
        public String tag() {
            return "request_choice";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isStarted() && (!member.observer || game.isHost(member)) && game.hasAdvanced(member)) {
                game.relay.answerChoice(element);
            }
        }
    }

    /** {@code [whiteboard]}: a player's planned moves, after the start. */
    static final class Whiteboard implements GameCommand {
        @Override
        public String tag() {
            return "whiteboard";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isStarted() && !member.observer) {
                game.relay.relayWhiteboard(member, document, element);
            }
        }
    }

    /** {@code [change_turns_wml]}: a player's client reports a new turn limit. */
    static final class ChangeTurns implements GameCommand {
        @Override
        public String tag() {
            return "change_turns_wml";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isStarted() && game.sides.ownsAny(member)) {
                game.changeTurns(element);
            }
        }
    }

    /** {@code [info] type=termination}: how the game ended, for the statistics. */
    static final class Info implements GameCommand {
        @Override
        public String tag() {
            return "info";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.reportTermination(member, element);
        }
    }

    /** Documents relayed unchanged to the other members ({@code [change_faction]}, {@code [stop_updates]}). */
    static final class Relay implements GameCommand {
        private final String tag;

        Relay(String tag) {
            this.tag = tag;
        }

        @Override
        public String tag() {
            return tag;
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.sendToOthers(member, document);
        }
    }

    /** {@code [change_controller]}: a side changes hands (in a running game, where sides are tracked). */
    static final class ChangeController implements GameCommand {
        @Override
        public String tag() {
            return "change_controller";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            if (game.isStarted()) {
                game.sides.changeController(member, element);
            }
        }
    }

    /** {@code [message]}: game chat. */
    static final class Chat implements GameCommand {
        @Override
        public String tag() {
            return "message";
        }

        @Override
        public void handle(Game game, Game.Member member, Document document, Node element) {
            game.chat(member, element);
        }
    }
}
