package org.tavern.plugins.chatfilter;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code tavern.plugin.chatfilter}, read from {@code etc/tavern.plugin.chatfilter.cfg}
 * and applied live when that file changes. Keys use {@code .} for {@code _} ({@code banned.words}).
 */
@ObjectClassDefinition(name = "Tavern chat filter", description = "Banned words and a per-player message rate limit")
public @interface ChatFilterConfig {

    @AttributeDefinition(description = "Words nobody may say (whole words, case-insensitive); comma list in a .cfg file")
    String[] banned_words() default {};

    @AttributeDefinition(description = "What happens to a message with a banned word: 'mask' replaces the word with *, "
            + "'drop' refuses the whole message")
    String banned_word_action() default "mask";

    @AttributeDefinition(description = "What the sender reads when his message is dropped for a banned word")
    String banned_word_reply() default "Your message was not sent: it contains a word this server does not allow.";

    @AttributeDefinition(description = "Also mask banned words in the names of new games, as the lobby lists them")
    boolean mask_game_names() default true;

    @AttributeDefinition(description = "Chat messages (lobby, whispers, games together) one player may send per period; "
            + "0 = no limit")
    int max_messages() default 20;

    @AttributeDefinition(description = "The rate limit's period, in seconds")
    int period_s() default 60;

    @AttributeDefinition(description = "What the sender reads when his message is dropped by the rate limit")
    String rate_limit_reply() default "You are sending messages too fast; this one was not sent.";
}
