package org.tavern.lobby.internal;

/** {@code /query stats}: Counts of games and users. */
final class StatsQuery implements PlayerQuery {

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public Reply answer(Lobby lobby, User user, String argument) {
        if (!argument.isEmpty()) {
            return null;
        }
        return Reply.info("Number of games = " + lobby.gameCount() + "\nTotal number of users = " + lobby.userCount());
    }
}
