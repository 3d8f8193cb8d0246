package org.tavern.lobby.internal.admin;

import java.util.List;
import org.tavern.api.CommandIssuer;
import org.tavern.lobby.internal.lobby.AdminContext;

/**
 * {@code dul [yes|no]} (alias {@code deny_unregistered_login}): shows or sets whether nicks that are
 * not registered may log in (it matters once the server has registered nicks).
 */
public final class DenyUnregisteredCommand implements ModeratorCommand {

    @Override
    public List<String> names() {
        return List.of("dul", "deny_unregistered_login");
    }

    @Override
    public String usage() {
        return "dul|deny_unregistered_login [yes|no]";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String value = arguments.trim();
        if (value.isEmpty()) {
            return "Unregistered login is " + (lobby.denyUnregistered() ? "disallowed." : "allowed.");
        }
        lobby.setDenyUnregistered(!value.equalsIgnoreCase("no") && !value.equalsIgnoreCase("false")
                && !value.equals("0") && !value.equalsIgnoreCase("off"));
        return "Unregistered login is now " + (lobby.denyUnregistered() ? "disallowed." : "allowed.");
    }
}
