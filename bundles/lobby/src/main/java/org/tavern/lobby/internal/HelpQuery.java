package org.tavern.lobby.internal;

/** {@code /query help}: Lists the commands. */
final class HelpQuery implements PlayerQuery {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Reply answer(Lobby lobby, User user, String argument) {
        return Reply.info(QueryCommand.HELP
                + lobby.pluginCommands().helpFor(org.tavern.api.CommandIssuer.player(user.name, user.moderator)));
    }
}
