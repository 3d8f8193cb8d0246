package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.query.PlayerQuery;

/**
 * A player query ({@code stats}, {@code metrics}, {@code games}, ...) offered to the console too, as
 * wesnothd's fifo accepts every command of its help: the same class answers both.
 */
public final class ConsoleQueryCommand implements ModeratorCommand {

    private final PlayerQuery query;
    private final String usage;

    public ConsoleQueryCommand(PlayerQuery query, String usage) {
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
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        PlayerQuery.Reply reply = query.answer(lobby, null, arguments.trim());
        return reply != null ? reply.text() : "usage: " + usage;
    }
}
