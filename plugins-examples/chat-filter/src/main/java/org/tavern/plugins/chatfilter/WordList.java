package org.tavern.plugins.chatfilter;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Banned words, found as whole words whatever their case. Each configured entry may itself be a comma
 * list: a {@code .cfg} file's {@code banned.words=a,b} arrives as the one string {@code "a,b"}.
 */
final class WordList {

    private final Pattern pattern;
    private final int size;

    WordList(String[] words) {
        java.util.List<String> quoted = Arrays.stream(words)
                .flatMap(entry -> Arrays.stream(entry.split(",")))
                .map(word -> word.trim().toLowerCase(Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .distinct()
                .map(Pattern::quote)
                .toList();
        size = quoted.size();
        String alternatives = String.join("|", quoted);
        pattern = alternatives.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** How many words (for the log line). */
    int size() {
        return size;
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
