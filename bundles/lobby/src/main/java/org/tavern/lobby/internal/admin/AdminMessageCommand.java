package org.tavern.lobby.internal.admin;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.CommandIssuer;
import org.tavern.wml.Document;
import org.tavern.lobby.internal.query.AdminMessageQuery;
import org.tavern.lobby.internal.lobby.AdminContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code adminmsg <text>} from the console: every online moderator gets it as a whisper from
 * {@code admin message from *socket*}, and it is logged. (Players and moderators reach the same
 * behaviour through {@link AdminMessageQuery}.)
 */
public final class AdminMessageCommand implements ModeratorCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AdminMessageCommand.class);

    @Override
    public List<String> names() {
        return List.of("adminmsg");
    }

    @Override
    public String usage() {
        return "adminmsg <msg>";
    }

    @Override
    public String execute(AdminContext lobby, CommandIssuer issuer, String arguments) {
        String text = arguments.trim();
        if (text.isEmpty()) {
            return "You must type a message.";
        }
        LOG.info("Admin message: <{}> {}", issuer.name(), text);
        for (User user : lobby.users()) {
            if (user.moderator) {
                Document whisper = Document.create();
                whisper.root().addChild("whisper").set("message", text).set("sender", "admin message from " + issuer.name());
                user.connection.send(whisper);
            }
        }
        return "Your report has been logged and sent to the server administrators. Thanks!";
    }
}
