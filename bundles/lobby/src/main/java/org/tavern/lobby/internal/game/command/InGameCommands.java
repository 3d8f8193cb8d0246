package org.tavern.lobby.internal.game.command;

import java.util.List;
import org.tavern.lobby.internal.game.GameCommand;

/** The in-game requests a game handles. */
public final class InGameCommands {

    private InGameCommands() {
    }

    /**
     * One instance of each, in wesnothd's order of precedence: the first of these a document
     * contains is handled, and nothing else in it.
     */
    public static List<GameCommand> inPrecedence() {
        return List.of(
                new LeaveGameCommand(), new ScenarioDiffCommand(), new StoreNextScenarioCommand(),
                new LoadNextScenarioCommand(), new StartGameCommand(), new PlayTurnCommand(),
                new RequestChoiceCommand(), new WhiteboardCommand(), new ChangeTurnsCommand(),
                new InfoCommand(), new RelayCommand("change_faction"), new RelayCommand("stop_updates"),
                new ChangeControllerCommand(), new MuteAllCommand(), new MuteMemberCommand(),
                new UnmuteMemberCommand(), new KickMemberCommand(), new BanMemberCommand(),
                new UnbanMemberCommand(), new GameChatCommand(), new GameHistoryRequestCommand());
    }
}
