package org.tavern.lobby.internal;

/** {@code /query games}: How games have ended since the server started. */
final class GamesQuery implements PlayerQuery {

    @Override
    public String name() {
        return "games";
    }

    @Override
    public Reply answer(Lobby lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info(lobby.gameEndSummary()) : null;
    }
}
