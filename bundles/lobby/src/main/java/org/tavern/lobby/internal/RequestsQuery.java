package org.tavern.lobby.internal;

/** {@code /query requests}: Statistics of sampled requests; Tavern samples none, so the reply is empty, as wesnothd's is before anything is sampled. */
final class RequestsQuery implements PlayerQuery {

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public Reply answer(Lobby lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info("") : null;
    }
}
