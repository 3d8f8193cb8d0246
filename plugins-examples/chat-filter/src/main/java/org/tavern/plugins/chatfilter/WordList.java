package org.tavern.plugins.chatfilter;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Banned words, found as whole words whatever their case. */
final class WordList {

    private final Pattern pattern;

    WordList(String[] words) {
        String alternatives = String.join("|", Arrays.stream(words)
                .map(word -> word.trim().toLowerCase(Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .map(Pattern::quote)
                .toList());
        pattern = alternatives.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean isEmpty() {
        return pattern == null;
    }

    boolean containsAny(String text) {
        return pattern != null && pattern.matcher(text).find();
    }

    /** The text with each banned word replaced by as many {@code *}. */
    String mask(String text) {
        if (pattern == null) {
            return text;
        }
        Matcher matcher = pattern.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, "*".repeat(matcher.group().length()));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
