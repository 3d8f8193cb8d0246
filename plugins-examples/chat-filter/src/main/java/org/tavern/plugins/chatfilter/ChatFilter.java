package org.tavern.plugins.chatfilter;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.api.ChatMessage;
import org.tavern.api.FilterResult;
import org.tavern.api.MessageFilter;

/**
 * A message filter for every chat (lobby, whispers, games): words from a configured list are masked
 * (or the message refused), and a player sending more than a configured number of messages per period
 * is told to slow down. A changed {@code etc/tavern.plugin.chatfilter.cfg} applies at once, without
 * restarting anything.
 */
@Component(configurationPid = ChatFilter.PID, property = MessageFilter.NAME + "=chat-filter")
@Designate(ocd = ChatFilterConfig.class)
public class ChatFilter implements MessageFilter {

    static final String PID = "tavern.plugin.chatfilter";

    private static final Logger LOG = LoggerFactory.getLogger(ChatFilter.class);

    /** Everything the configuration decides, swapped whole so a call sees one configuration. */
    private record Rules(WordList words, boolean dropBannedWords, String bannedWordReply, RateLimit rateLimit,
            String rateLimitReply) {
    }

    private final LongSupplier clock;
    private volatile Rules rules;

    @Activate
    public ChatFilter(ChatFilterConfig config) {
        this(config, System::currentTimeMillis);
    }

    ChatFilter(ChatFilterConfig config, LongSupplier clock) {
        this.clock = clock;
        configure(config);
    }

    @Modified
    void configure(ChatFilterConfig config) {
        String action = config.banned_word_action().trim().toLowerCase(Locale.ROOT);
        if (!action.equals("mask") && !action.equals("drop")) {
            LOG.warn("banned.word.action '{}' is neither 'mask' nor 'drop'; masking", config.banned_word_action());
        }
        rules = new Rules(new WordList(config.banned_words()), action.equals("drop"), config.banned_word_reply(),
                new RateLimit(config.max_messages(), Math.max(1, config.period_s()) * 1000L), config.rate_limit_reply());
        LOG.info("Chat filter: {} banned words ({}), at most {} messages per {} s per player",
                rules.words().size(), rules.dropBannedWords() ? "dropped" : "masked", config.max_messages(),
                config.period_s());
    }

    @Override
    public FilterResult filter(ChatMessage message) {
        Rules current = rules;
        if (!current.rateLimit().allow(message.sender(), clock.getAsLong())) {
            return FilterResult.drop(current.rateLimitReply());
        }
        if (!current.words().containsAny(message.text())) {
            return FilterResult.pass();
        }
        return current.dropBannedWords() ? FilterResult.drop(current.bannedWordReply())
                : FilterResult.replace(current.words().mask(message.text()));
    }
}
