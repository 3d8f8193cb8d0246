package org.tavern.lobby.internal;

import java.util.List;
import org.tavern.api.CommandIssuer;

/**
 * A player query ({@code stats}, {@code metrics}, {@code games}, ...) offered to the console too, as
 * wesnothd's fifo accepts every command of its help: the same class answers both.
 */
final class ConsoleQueryCommand implements AdminCommand {

    private final PlayerQuery query;
    private final String usage;

    ConsoleQueryCommand(PlayerQuery query, String usage) {
        this.query = query;
        this.usage = usage;
    }

    @Override
    public List<String> names() {
        return List.of(query.name());
    }

    @Override
    public String usage() {
        return usage;
    }

    @Override
    public String execute(Lobby lobby, CommandIssuer issuer, String arguments) {
        PlayerQuery.Reply reply = query.answer(lobby, null, arguments.trim());
        return reply != null ? reply.text() : "usage: " + usage;
    }
}
