package org.tavern.lobby.internal.query;

import org.tavern.wml.Document;
import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/**
 * {@code /query adminmsg <text>} (alias {@code report}): every online moderator gets the text as a
 * whisper from {@code admin message from <nick>}; the sender is thanked.
 */
public final class AdminMessageQuery implements PlayerQuery {

    private final String name;

    public AdminMessageQuery(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (argument.isEmpty()) {
            return Reply.info("You must type a message.");
        }
        int moderators = 0;
        for (User other : lobby.users()) {
            if (other.moderator) {
                Document whisper = Document.create();
                whisper.root().addChild("whisper").set("message", argument)
                        .set("sender", "admin message from " + user.name);
                other.connection.send(whisper);
                moderators++;
            }
        }
        if (user.moderator) {
            return Reply.info("Your report has been logged and sent to " + moderators
                    + " online administrators. Thanks!");
        }
        return Reply.info("Your report has been logged and sent to the server administrators. Thanks!");
    }
}
