package org.tavern.lobby.internal;

/** {@code /query status}: The player's own connection: {@code status} or {@code status <own nick>} (others' status is an administrator command). */
final class StatusQuery implements PlayerQuery {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public Reply answer(Lobby lobby, User user, String argument) {
        if (!argument.isEmpty() && !argument.equals(user.name)) {
            return null;
        }
        return Reply.info("STATUS REPORT for '" + user.name + "'\n'" + user.name + "' @ " + user.connection.remoteIp()
                + " logged on for " + QueryCommand.span(lobby.nowMillis() - user.loginMillis));
    }
}
