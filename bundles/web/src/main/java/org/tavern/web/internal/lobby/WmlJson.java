package org.tavern.web.internal.lobby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * WML to the web client's JSON messages, in Evennia's form {@code ["name", [args], {kwargs}]}: each
 * top-level tag of a server document becomes one message named after the tag, whose kwargs are the
 * tag's attributes (strings) and its children (arrays of objects under the child tag's name, so
 * {@code [gamelist][game]...} becomes {@code {"game": [{...}]}}). The browser applies
 * {@code gamelist_diff} to its own copy exactly as a Wesnoth client does (docs/web-protocol.md).
 */
final class WmlJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WmlJson() {
    }

    /**
     * One JSON text per top-level tag of the document (root attributes travel as a {@code root}
     * message), except the lobby list: its {@code [gamelist]} and {@code [user]}s are one whole that
     * later {@code gamelist_diff}s change, so it travels as one {@code gamelist} message whose kwargs
     * are the whole document ({@code {"gamelist": [{"game": [...]}], "user": [...]}}).
     */
    static List<String> messages(Document document) {
        Node root = document.root();
        if (root.child("gamelist") != null) {
            return List.of(message("gamelist", object(root)));
        }
        List<String> texts = new ArrayList<>();
        if (!root.attributeNames().isEmpty()) {
            texts.add(message("root", attributesOnly(root)));
        }
        for (Node child : root.children()) {
            texts.add(message(child.name(), object(child)));
        }
        return texts;
    }

    static String message(String name, ObjectNode kwargs, String... args) {
        ArrayNode message = NODES.arrayNode();
        message.add(name);
        ArrayNode argList = message.addArray();
        for (String arg : args) {
            argList.add(arg);
        }
        message.add(kwargs);
        return message.toString();
    }

    static ObjectNode object(Node node) {
        ObjectNode object = attributesOnly(node);
        for (Node child : node.children()) {
            JsonNode existing = object.get(child.name());
            ArrayNode list = existing instanceof ArrayNode array ? array : object.putArray(child.name());
            list.add(object(child));
        }
        return object;
    }

    private static ObjectNode attributesOnly(Node node) {
        ObjectNode object = NODES.objectNode();
        for (String key : node.attributeNames()) {
            object.put(key, node.text(key));
        }
        return object;
    }

    static ObjectNode kwargs() {
        return NODES.objectNode();
    }
}
