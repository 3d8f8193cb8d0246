package org.tavern.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WML configuration file as read by {@link ConfigFileParser}: tags with attributes, each
 * remembering the line it came from so that errors can name it.
 */
final class ConfigFile {

    /** One attribute value and the line of its key. */
    record Value(String text, int line) {
    }

    /** One {@code [tag]} (the root has an empty name). */
    static final class Tag {
        final String name;
        final int line;
        final Map<String, Value> attributes = new LinkedHashMap<>();
        final List<Tag> children = new ArrayList<>();

        Tag(String name, int line) {
            this.name = name;
            this.line = line;
        }

        List<Tag> children(String childName) {
            return children.stream().filter(child -> child.name.equals(childName)).toList();
        }

        Tag lastChild(String childName) {
            List<Tag> named = children(childName);
            return named.isEmpty() ? null : named.get(named.size() - 1);
        }
    }

    /** A file that cannot be read as WML: the message names the line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Malformed(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
        }
    }

    private ConfigFile() {
    }
}
