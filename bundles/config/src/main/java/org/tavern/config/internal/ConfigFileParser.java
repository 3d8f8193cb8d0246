package org.tavern.config.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a wesnothd {@code server.cfg}: WML as the Wesnoth preprocessor leaves it, that is tags
 * ({@code [tag]}, {@code [/tag]}, {@code [+tag]}), {@code key=value} lines with quoted values that may
 * span lines ({@code ""} for a quote), {@code _ "translatable"} and {@code <<raw>>} strings, {@code +}
 * concatenation, multiple assignment ({@code a,b=1,2}) and {@code #} comments. Macros and
 * preprocessor directives other than {@code #textdomain} are refused with their line, since an owner's
 * file that needs them would otherwise be read wrong.
 */
final class ConfigFileParser {

    private static final Set<String> DIRECTIVES = Set.of("define", "enddef", "ifdef", "ifndef", "ifhave", "ifnhave",
            "ifver", "ifnver", "else", "endif", "undef", "include", "error", "warning", "deprecated");

    /** The largest file read; a server.cfg is a few kilobytes. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;
    private int line = 1;

    private ConfigFileParser(String text) {
        this.text = text;
    }

    static ConfigFile.Tag parse(String text) throws ConfigFile.Malformed {
        if (text.length() > MAX_CHARS) {
            throw new ConfigFile.Malformed(1, "file larger than " + MAX_CHARS + " characters");
        }
        return new ConfigFileParser(text).document();
    }

    private ConfigFile.Tag document() throws ConfigFile.Malformed {
        ConfigFile.Tag root = new ConfigFile.Tag("", 1);
        Deque<ConfigFile.Tag> open = new ArrayDeque<>();
        open.push(root);
        while (true) {
            skipBlankAndComments();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '[') {
                tag(open);
            } else if (c == '{') {
                throw new ConfigFile.Malformed(line, "macros ({...}) are not supported; expand them first");
            } else {
                attribute(open.peek());
            }
        }
        if (open.size() > 1) {
            ConfigFile.Tag unclosed = open.peek();
            throw new ConfigFile.Malformed(unclosed.line, "[" + unclosed.name + "] is never closed");
        }
        return root;
    }

    /** Skips whitespace, empty lines and comment lines (a {@code #} outside quotes). */
    private void skipBlankAndComments() throws ConfigFile.Malformed {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (c == '#') {
                comment();
            } else {
                return;
            }
        }
    }

    private void comment() throws ConfigFile.Malformed {
        int end = lineEnd();
        String body = text.substring(pos + 1, end).trim();
        String word = body.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (DIRECTIVES.contains(word)) {
            throw new ConfigFile.Malformed(line, "preprocessor directive #" + word + " is not supported");
        }
        pos = end; // #textdomain and plain comments
    }

    private int lineEnd() {
        int end = text.indexOf('\n', pos);
        return end < 0 ? text.length() : end;
    }

    private void tag(Deque<ConfigFile.Tag> open) throws ConfigFile.Malformed {
        int close = text.indexOf(']', pos);
        int end = lineEnd();
        if (close < 0 || close > end) {
            throw new ConfigFile.Malformed(line, "'[' without ']'");
        }
        String inside = text.substring(pos + 1, close).trim();
        pos = close + 1;
        restOfLineMustBeEmpty();
        if (inside.startsWith("/")) {
            String name = inside.substring(1).trim();
            ConfigFile.Tag current = open.peek();
            if (open.size() == 1) {
                throw new ConfigFile.Malformed(line, "[/" + name + "] closes nothing");
            }
            if (!current.name.equals(name)) {
                throw new ConfigFile.Malformed(line, "[/" + name + "] closes [" + current.name + "] opened on line "
                        + current.line);
            }
            open.pop();
            return;
        }
        boolean amend = inside.startsWith("+");
        String name = amend ? inside.substring(1).trim() : inside;
        if (!validName(name)) {
            throw new ConfigFile.Malformed(line, "invalid tag name '" + inside + "'");
        }
        if (open.size() > MAX_DEPTH) {
            throw new ConfigFile.Malformed(line, "tags nested deeper than " + MAX_DEPTH);
        }
        ConfigFile.Tag parent = open.peek();
        ConfigFile.Tag tag = amend ? parent.lastChild(name) : null;
        if (tag == null) {
            tag = new ConfigFile.Tag(name, line);
            parent.children.add(tag);
        }
        open.push(tag);
    }

    private void restOfLineMustBeEmpty() throws ConfigFile.Malformed {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            char c = text.charAt(pos);
            if (c == '#') {
                pos = lineEnd();
                return;
            }
            if (!Character.isWhitespace(c)) {
                throw new ConfigFile.Malformed(line, "unexpected text after the tag: '" + text.substring(pos, lineEnd()).trim() + "'");
            }
            pos++;
        }
    }

    private void attribute(ConfigFile.Tag tag) throws ConfigFile.Malformed {
        int keyLine = line;
        int equals = text.indexOf('=', pos);
        int end = lineEnd();
        if (equals < 0 || equals > end) {
            throw new ConfigFile.Malformed(line, "expected key=value, [tag] or [/tag], found '"
                    + text.substring(pos, end).trim() + "'");
        }
        List<String> keys = List.of(text.substring(pos, equals).split(",", -1)).stream().map(String::trim).toList();
        for (String key : keys) {
            if (!validName(key)) {
                throw new ConfigFile.Malformed(line, "invalid key '" + key + "'");
            }
        }
        pos = equals + 1;
        String value = value();
        if (keys.size() == 1) {
            tag.attributes.put(keys.get(0), new ConfigFile.Value(value, keyLine));
            return;
        }
        String[] values = value.split(",", -1);
        for (int i = 0; i < keys.size(); i++) {
            tag.attributes.put(keys.get(i), new ConfigFile.Value(i < values.length ? values[i].trim() : "", keyLine));
        }
    }

    /** One value: parts joined by {@code +}, up to the end of its (last) line. */
    private String value() throws ConfigFile.Malformed {
        StringBuilder value = new StringBuilder();
        while (true) {
            skipSpacesOnLine();
            value.append(part());
            skipSpacesOnLine();
            if (pos < text.length() && text.charAt(pos) == '+') {
                pos++;
                skipBlankAndComments(); // a + may end a line: the value goes on on the next
                continue;
            }
            if (pos < text.length() && text.charAt(pos) == '#') {
                pos = lineEnd();
            }
            if (pos < text.length() && text.charAt(pos) != '\n') {
                throw new ConfigFile.Malformed(line, "unexpected text after the value: '"
                        + text.substring(pos, lineEnd()).trim() + "'");
            }
            return value.toString();
        }
    }

    private void skipSpacesOnLine() {
        while (pos < text.length() && text.charAt(pos) != '\n' && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String part() throws ConfigFile.Malformed {
        if (pos >= text.length()) {
            return "";
        }
        char c = text.charAt(pos);
        if (c == '_' && nextNonSpaceIsQuote(pos + 1)) {
            pos++;
            skipSpacesOnLine();
            return quoted();
        }
        if (c == '"') {
            return quoted();
        }
        if (text.startsWith("<<", pos)) {
            int startLine = line;
            int close = text.indexOf(">>", pos + 2);
            if (close < 0) {
                throw new ConfigFile.Malformed(startLine, "<< without >>");
            }
            String raw = text.substring(pos + 2, close);
            line += count(raw, '\n');
            pos = close + 2;
            return raw;
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '+' && text.charAt(pos) != '#') {
            if (text.charAt(pos) == '"') {
                throw new ConfigFile.Malformed(line, "a quote inside an unquoted value");
            }
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private boolean nextNonSpaceIsQuote(int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '"';
    }

    private String quoted() throws ConfigFile.Malformed {
        int startLine = line;
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new ConfigFile.Malformed(startLine, "quoted value never ends");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                return value.toString();
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
        }
    }

    private static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
