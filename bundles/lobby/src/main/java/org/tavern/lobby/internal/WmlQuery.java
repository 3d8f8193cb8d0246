package org.tavern.lobby.internal;

/** {@code /query wml}: Statistics of the lobby's shared WML document (wesnothd reports its allocator instead). */
final class WmlQuery implements PlayerQuery {

    @Override
    public String name() {
        return "wml";
    }

    @Override
    public Reply answer(Lobby lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info(lobby.listStatistics()) : null;
    }
}
