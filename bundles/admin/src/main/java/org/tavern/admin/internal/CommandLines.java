package org.tavern.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.tavern.api.AdminCommand;

/**
 * Shell and fifo command lines as they may be logged or kept: the secret arguments of the commands
 * in them (see {@link AdminCommand#secretArgumentsFrom()}) written as {@value AdminCommand#REDACTED}.
 * A line is split into words as Gogo splits it (quotes keep a word together; {@code ;} and {@code |}
 * end a command), and a command is recognised by its name with or without a scope
 * ({@code tavern:register}, {@code register}). When in doubt it redacts more, never less.
 */
final class CommandLines {

    private CommandLines() {
    }

    /**
     * @param secretsFrom for a command name (lower case, no scope): the index of its first secret
     *        argument, or {@link AdminCommand#NO_SECRETS}
     * @return the line itself when it holds no secret, else its words, one space apart, secrets redacted
     */
    static String redact(String line, ToIntFunction<String> secretsFrom) {
        List<String> words = words(line);
        boolean redacted = false;
        int secretFrom = -1;
        int argument = -1;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (isSeparator(word)) {
                argument = -1;
                secretFrom = -1;
                continue;
            }
            if (secretFrom >= 0 && argument >= secretFrom) {
                words.set(i, AdminCommand.REDACTED);
                redacted = true;
                argument++;
                continue;
            }
            // A secret command's name starts its arguments wherever it stands: first in a command,
            // or further in (a closure, "(tavern:passwd ...)"), so that the words after it are judged.
            int from = secretsFrom.applyAsInt(commandName(word));
            if (from >= 0 || argument < 0) {
                secretFrom = from;
                argument = 0;
            } else {
                argument++;
            }
        }
        return redacted ? String.join(" ", words) : line;
    }

    /** A word as a command name: without quotes, brackets or a scope, lower case. */
    static String commandName(String word) {
        String name = word.replaceAll("[\"'()\\[\\]$]", "");
        int colon = name.lastIndexOf(':');
        return name.substring(colon + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isSeparator(String word) {
        return word.equals(";") || word.equals("|") || word.equals("\n") || word.equals("{") || word.equals("}");
    }

    /** Splits at unquoted white space; {@code ; | { }} and line ends are words of their own. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word.append(c);
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(c).append(line.charAt(++i));
            } else if (Character.isWhitespace(c) && c != '\n') {
                flush(word, words);
            } else if (c == ';' || c == '|' || c == '\n' || c == '{' || c == '}') {
                flush(word, words);
                words.add(String.valueOf(c));
            } else {
                word.append(c);
            }
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
