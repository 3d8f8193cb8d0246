package org.tavern.plugins.chatfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tavern.api.ChatMessage;
import org.tavern.api.FilterResult;

class ChatFilterTest {

    private long now = 1_000_000;

    /** A configuration as ConfigAdmin would give it: the defaults, except what {@code values} sets. */
    static ChatFilterConfig config(Map<String, Object> values) {
        return (ChatFilterConfig) Proxy.newProxyInstance(ChatFilterConfig.class.getClassLoader(),
                new Class<?>[] {ChatFilterConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    private static ChatMessage said(String sender, String text) {
        return new ChatMessage(ChatMessage.Kind.LOBBY_CHAT, sender, "", 0, text);
    }

    @Test
    void bannedWordsAreMaskedAsWholeWordsWhateverTheirCase() {
        ChatFilter filter = new ChatFilter(config(Map.of("banned_words", new String[] {"frak", " smeg "})), () -> now);
        assertEquals(FilterResult.replace("oh **** and **** it"), filter.filter(said("a", "oh FRAK and smeg it")));
        assertEquals(FilterResult.pass(), filter.filter(said("a", "frakking is one word")));
        assertEquals(FilterResult.pass(), filter.filter(said("a", "hello")));
    }

    @Test
    void aCommaListInOneEntryIsSeveralWords() {
        ChatFilter filter = new ChatFilter(config(Map.of("banned_words", new String[] {"frak, smeg"})), () -> now);
        assertEquals(FilterResult.replace("**** ****"), filter.filter(said("a", "frak smeg")));
    }

    @Test
    void theDropActionRefusesTheMessageWithTheReply() {
        ChatFilter filter = new ChatFilter(config(Map.of("banned_words", new String[] {"frak"},
                "banned_word_action", "drop", "banned_word_reply", "No.")), () -> now);
        assertEquals(FilterResult.drop("No."), filter.filter(said("a", "frak")));
    }

    @Test
    void eachPlayerHasHisOwnRateLimitWithinASlidingPeriod() {
        ChatFilter filter = new ChatFilter(config(Map.of("max_messages", 2, "period_s", 10)), () -> now);
        assertEquals(FilterResult.pass(), filter.filter(said("alice", "1")));
        assertEquals(FilterResult.pass(), filter.filter(said("alice", "2")));
        assertEquals(FilterResult.Action.DROP, filter.filter(said("Alice", "3")).action());
        assertEquals(FilterResult.pass(), filter.filter(said("bob", "1")), "bob is not alice");
        now += 10_000;
        assertEquals(FilterResult.pass(), filter.filter(said("alice", "4")));
    }

    @Test
    void aNewConfigurationAppliesAtOnce() {
        ChatFilter filter = new ChatFilter(config(Map.of()), () -> now);
        assertEquals(FilterResult.pass(), filter.filter(said("a", "frak")));
        filter.configure(config(Map.of("banned_words", new String[] {"frak"})));
        assertEquals(FilterResult.replace("****"), filter.filter(said("a", "frak")));
    }
}
