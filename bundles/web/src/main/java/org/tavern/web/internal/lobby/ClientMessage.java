package org.tavern.web.internal.lobby;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One message from the browser, {@code ["name", [args], {kwargs}]} (args and kwargs may be left
 * out). Only strings are accepted as arguments and kwargs values: every message the web client
 * sends is text, and anything else is refused before it reaches the lobby.
 *
 * @param name the message's name
 * @param args its positional arguments
 * @param kwargs its keyword arguments
 */
record ClientMessage(String name, List<String> args, Map<String, String> kwargs) {

    /** Why a text is not a message; the browser is shown {@link #getMessage()}. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static ClientMessage parse(String text) throws Malformed {
        JsonNode tree;
        try {
            tree = WmlJson.JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Malformed("not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isArray() || tree.isEmpty() || tree.size() > 3 || !tree.get(0).isTextual()) {
            throw new Malformed("a message is [\"name\", [args], {kwargs}]");
        }
        List<String> args = new ArrayList<>();
        if (tree.size() > 1) {
            JsonNode list = tree.get(1);
            if (!list.isArray()) {
                throw new Malformed("args must be an array");
            }
            for (JsonNode arg : list) {
                if (!arg.isTextual()) {
                    throw new Malformed("args must be strings");
                }
                args.add(arg.asText());
            }
        }
        Map<String, String> kwargs = new TreeMap<>();
        if (tree.size() > 2) {
            JsonNode object = tree.get(2);
            if (!object.isObject()) {
                throw new Malformed("kwargs must be an object");
            }
            var fields = object.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!field.getValue().isTextual()) {
                    throw new Malformed("kwargs values must be strings");
                }
                kwargs.put(field.getKey(), field.getValue().asText());
            }
        }
        return new ClientMessage(tree.get(0).asText(), List.copyOf(args), Map.copyOf(kwargs));
    }

    /** The argument at {@code index}, or the kwarg of that name, or empty. */
    String arg(int index, String kwarg) {
        if (index < args.size()) {
            return args.get(index);
        }
        return kwargs.getOrDefault(kwarg, "");
    }
}
