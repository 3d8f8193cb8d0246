package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/** {@code motd [<text>]}: shows the message of the day, or sets it until the configuration changes. */
public final class MotdCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("motd");
    }

    @Override
    public String usage() {
        return "motd [<message>]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String text = arguments.trim();
        if (text.isEmpty()) {
            String motd = lobby.settings().motd();
            return motd.isEmpty() ? "No message of the day set." : "Message of the day:\n" + motd;
        }
        lobby.updateSettings(lobby.settings().withMotd(text));
        return "Message of the day set to: " + text;
    }
}
