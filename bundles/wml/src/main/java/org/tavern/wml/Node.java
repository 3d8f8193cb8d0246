package org.tavern.wml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WML element ({@code [name] ... [/name]}) or the root of a {@link Document}. Names and values are
 * spans over the bytes the document was parsed from; a String is made only when asked for.
 *
 * <p>Every change marks the element and its ancestors dirty. The writer re-emits a clean element as
 * the exact bytes it was parsed from, so relayed documents keep the sender's formatting, escapes,
 * {@code _"translatable"} markers and {@code +} concatenations.
 *
 * <p>Attribute values are <em>raw</em>: exactly the text between the quotes (or the unquoted text),
 * still escaped, as wesnothd stores them. {@link #attr(String)} returns the raw value,
 * {@link #text(String)} the value with {@code ""} turned back into {@code "}; {@link #set(String, String)}
 * escapes plain text, {@link #setRaw(String, String)} stores raw text as is.
 *
 * <p>Not thread-safe: a document is owned by one thread (or actor) at a time.
 */
public final class Node {

    /** The document whose root this is; null for every other element. */
    Document owner;
    Node parent;
    final ArrayList<Attribute> attributes;
    final ArrayList<Node> children;
    boolean dirty;

    // The element name, a span (empty for the root).
    byte[] nameBuf;
    int nameOffset;
    int nameLength;

    // Where this element's original text lies (from '[' to after the closing tag's line) while clean.
    byte[] spanBuf;
    int spanStart;
    int spanEnd;

    Node(Node parent, byte[] nameBuf, int nameOffset, int nameLength) {
        this.parent = parent;
        this.nameBuf = nameBuf;
        this.nameOffset = nameOffset;
        this.nameLength = nameLength;
        this.attributes = new ArrayList<>(4);
        this.children = new ArrayList<>(2);
    }

    // ---------------------------------------------------------------- identity

    /** The element name; empty for the document root. */
    public String name() {
        return Bytes.string(nameBuf, nameOffset, nameLength);
    }

    public boolean nameEquals(String name) {
        return Bytes.equalsString(nameBuf, nameOffset, nameLength, name);
    }

    public Node parent() {
        return parent;
    }

    /** The document this element belongs to, or null once it has been removed from it. */
    public Document document() {
        Node n = this;
        while (n.parent != null) {
            n = n.parent;
        }
        return n.owner;
    }

    public boolean isDirty() {
        return dirty;
    }

    // ---------------------------------------------------------------- attributes

    private Attribute find(String key) {
        // The last occurrence wins, as when a later line overrides an earlier one.
        for (int i = attributes.size() - 1; i >= 0; i--) {
            Attribute a = attributes.get(i);
            if (a.keyEquals(key)) {
                return a;
            }
        }
        return null;
    }

    public boolean has(String key) {
        return find(key) != null;
    }

    /** The raw value (still escaped), or null when the attribute is absent. */
    public String attr(String key) {
        Attribute a = find(key);
        return a == null ? null : a.rawValue();
    }

    /** The raw value, or {@code fallback} when absent. */
    public String attr(String key, String fallback) {
        Attribute a = find(key);
        return a == null ? fallback : a.rawValue();
    }

    /** The value as text: raw with {@code ""} unescaped; empty when absent. */
    public String text(String key) {
        String raw = attr(key, "");
        return raw.indexOf('"') < 0 ? raw : raw.replace("\"\"", "\"");
    }

    /** True when the raw value equals {@code expected}, compared without making a String. */
    public boolean attrEquals(String key, String expected) {
        Attribute a = find(key);
        return a != null && Bytes.equalsString(a.buf, a.valueOffset, a.valueLength, expected);
    }

    /**
     * wesnothd's {@code to_bool}: absent or empty gives {@code fallback}; {@code no}, {@code off},
     * {@code false}, {@code 0}, {@code 0.0} give false; anything else true.
     */
    public boolean toBool(String key, boolean fallback) {
        Attribute a = find(key);
        if (a == null || a.valueLength == 0) {
            return fallback;
        }
        byte[] b = a.buf;
        int o = a.valueOffset;
        int n = a.valueLength;
        return !(Bytes.equalsString(b, o, n, "no") || Bytes.equalsString(b, o, n, "off")
                || Bytes.equalsString(b, o, n, "false") || Bytes.equalsString(b, o, n, "0")
                || Bytes.equalsString(b, o, n, "0.0"));
    }

    /**
     * wesnothd's {@code to_int}, which is C {@code atoi}: optional leading blanks and sign, then
     * digits up to the first non-digit; no digits give 0. Absent gives {@code fallback}. Values that
     * overflow saturate instead of wrapping.
     */
    public int toInt(String key, int fallback) {
        Attribute a = find(key);
        if (a == null) {
            return fallback;
        }
        byte[] b = a.buf;
        int i = a.valueOffset;
        int end = i + a.valueLength;
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long value = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            value = Math.min(value * 10 + (b[i] - '0'), 1L << 31);
            i++;
        }
        value = negative ? -value : value;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /** Attribute names in document order (duplicates collapsed, the last one kept). */
    public List<String> attributeNames() {
        List<String> names = new ArrayList<>(attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            if (find(a.key()) == a) {
                names.add(a.key());
            }
        }
        return names;
    }

    /** Sets {@code key} to plain text, escaping quotes as WML requires. */
    public Node set(String key, String value) {
        return setRaw(key, value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""));
    }

    public Node set(String key, long value) {
        return setRaw(key, Long.toString(value));
    }

    public Node set(String key, boolean value) {
        return setRaw(key, value ? "yes" : "no");
    }

    /** Sets {@code key} to raw (already escaped) WML text, as received from a peer. */
    public Node setRaw(String key, String raw) {
        checkKey(key);
        byte[] k = Bytes.utf8(key);
        byte[] v = Bytes.utf8(raw);
        byte[] buf = new byte[k.length + v.length];
        System.arraycopy(k, 0, buf, 0, k.length);
        System.arraycopy(v, 0, buf, k.length, v.length);
        putAttribute(new Attribute(buf, 0, k.length, k.length, v.length), key);
        return this;
    }

    /** Copies the raw value of {@code key} from {@code source} (no re-encoding); absent removes it here. */
    public Node copyAttr(Node source, String key) {
        Attribute a = source.find(key);
        if (a == null) {
            remove(key);
        } else {
            putAttribute(a.copy(), key);
        }
        return this;
    }

    private void putAttribute(Attribute attribute, String key) {
        boolean replaced = false;
        for (int i = attributes.size() - 1; i >= 0; i--) {
            if (attributes.get(i).keyEquals(key)) {
                if (replaced) {
                    attributes.remove(i);
                } else {
                    attributes.set(i, attribute);
                    replaced = true;
                }
            }
        }
        if (!replaced) {
            attributes.add(attribute);
        }
        markDirty();
    }

    public boolean remove(String key) {
        boolean removed = attributes.removeIf(a -> a.keyEquals(key));
        if (removed) {
            markDirty();
        }
        return removed;
    }

    private static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty attribute name");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '=' || c == '\n' || c == '\r' || c == '[' || c == '"' || c == '#' || c == ' ' || c == '\t') {
                throw new IllegalArgumentException("attribute name may not contain " + describe(c) + ": " + key);
            }
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty element name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ']' || c == '[' || c == '/' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("element name may not contain " + describe(c) + ": " + name);
            }
        }
    }

    private static String describe(char c) {
        return c == '\n' ? "a newline" : c == '\r' ? "a carriage return" : "'" + c + "'";
    }

    // ---------------------------------------------------------------- children

    /** All children in document order (read-only view). */
    public List<Node> children() {
        return Collections.unmodifiableList(children);
    }

    /** Children named {@code name}, in order. */
    public List<Node> children(String name) {
        List<Node> result = new ArrayList<>();
        for (Node child : children) {
            if (child.nameEquals(name)) {
                result.add(child);
            }
        }
        return result;
    }

    /** The first child named {@code name}, or null. */
    public Node child(String name) {
        return child(name, 0);
    }

    /** The {@code index}-th child named {@code name} (0-based), or null. */
    public Node child(String name, int index) {
        if (index < 0) {
            return null;
        }
        for (Node child : children) {
            if (child.nameEquals(name) && index-- == 0) {
                return child;
            }
        }
        return null;
    }

    public int count(String name) {
        int n = 0;
        for (Node child : children) {
            if (child.nameEquals(name)) {
                n++;
            }
        }
        return n;
    }

    /** Position of {@code child} among the children that share its name, or -1. */
    public int indexOf(Node child) {
        int index = 0;
        for (Node c : children) {
            if (c == child) {
                return index;
            }
            if (c.sameName(child)) {
                index++;
            }
        }
        return -1;
    }

    boolean sameName(Node other) {
        return java.util.Arrays.equals(nameBuf, nameOffset, nameOffset + nameLength,
                other.nameBuf, other.nameOffset, other.nameOffset + other.nameLength);
    }

    /** Appends a new empty child. */
    public Node addChild(String name) {
        checkName(name);
        byte[] n = Bytes.utf8(name);
        Node child = new Node(this, n, 0, n.length);
        child.dirty = true;
        children.add(child);
        markDirty();
        return child;
    }

    /**
     * Inserts a new empty child before the {@code index}-th child of that name; an index at or past
     * their count appends it after all children (WML's {@code add_child_at}).
     */
    public Node addChildAt(String name, int index) {
        checkName(name);
        byte[] n = Bytes.utf8(name);
        Node child = new Node(this, n, 0, n.length);
        child.dirty = true;
        insertAt(child, index);
        return child;
    }

    /**
     * Appends a deep copy of {@code source} (from any document). Untouched parts of the copy keep
     * pointing at the source's bytes (which are never modified), so they are written out verbatim.
     */
    public Node addCopy(Node source) {
        Node copy = copyOfElement(source);
        children.add(copy);
        markDirty();
        return copy;
    }

    /** Inserts a deep copy of {@code source} before the {@code index}-th child with its name. */
    public Node addCopyAt(Node source, int index) {
        Node copy = copyOfElement(source);
        insertAt(copy, index);
        return copy;
    }

    private Node copyOfElement(Node source) {
        if (source.parent == null && source.owner != null) {
            throw new IllegalArgumentException("a document root has no name; use copyContentsFrom");
        }
        return source.deepCopy(this);
    }

    private void insertAt(Node child, int index) {
        int position = children.size();
        int seen = 0;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).sameName(child)) {
                if (seen == index) {
                    position = i;
                    break;
                }
                seen++;
            }
        }
        children.add(position, child);
        markDirty();
    }

    /** Removes the {@code index}-th child named {@code name}; false when there is none. */
    public boolean removeChild(String name, int index) {
        Node child = child(name, index);
        return child != null && removeChild(child);
    }

    public boolean removeChild(Node child) {
        if (!children.remove(child)) {
            return false;
        }
        child.parent = null;
        markDirty();
        return true;
    }

    /** Removes every child named {@code name}. */
    public int removeChildren(String name) {
        int before = children.size();
        children.removeIf(c -> {
            if (c.nameEquals(name)) {
                c.parent = null;
                return true;
            }
            return false;
        });
        int removed = before - children.size();
        if (removed > 0) {
            markDirty();
        }
        return removed;
    }

    /** Appends copies of all attributes and children of {@code source} to this element. */
    public Node copyContentsFrom(Node source) {
        for (Attribute a : source.attributes) {
            putAttribute(a.copy(), a.key());
        }
        for (Node child : source.children) {
            children.add(child.deepCopy(this));
        }
        markDirty();
        return this;
    }

    /** Removes all attributes and children. */
    public Node clear() {
        attributes.clear();
        for (Node child : children) {
            child.parent = null;
        }
        children.clear();
        markDirty();
        return this;
    }

    /** A copy with the same spans and dirty flags: buffers are immutable, so they can be shared. */
    Node deepCopy(Node newParent) {
        Node copy = new Node(newParent, nameBuf, nameOffset, nameLength);
        copy.dirty = dirty;
        copy.spanBuf = spanBuf;
        copy.spanStart = spanStart;
        copy.spanEnd = spanEnd;
        copy.attributes.ensureCapacity(attributes.size());
        for (Attribute a : attributes) {
            copy.attributes.add(a.copy());
        }
        copy.children.ensureCapacity(children.size());
        for (Node child : children) {
            copy.children.add(child.deepCopy(copy));
        }
        return copy;
    }

    // ---------------------------------------------------------------- dirtiness

    /**
     * Marks this element and its ancestors modified; they will be re-serialised on the next write.
     * A dirty element always has dirty ancestors, and a document drops its cached output when its
     * root turns dirty, so the walk can stop at the first element that is dirty already.
     */
    void markDirty() {
        Node n = this;
        while (!n.dirty) {
            n.dirty = true;
            if (n.parent == null) {
                if (n.owner != null) {
                    n.owner.contentChanged();
                }
                return;
            }
            n = n.parent;
        }
    }

    /** Structural equality: names, attribute values (raw) and children in order. */
    public boolean contentEquals(Node other) {
        if (!sameName(other) || children.size() != other.children.size()) {
            return false;
        }
        List<String> keys = attributeNames();
        List<String> otherKeys = other.attributeNames();
        if (keys.size() != otherKeys.size()) {
            return false;
        }
        for (String key : keys) {
            Attribute a = find(key);
            Attribute b = other.find(key);
            if (b == null || !java.util.Arrays.equals(a.buf, a.valueOffset, a.valueOffset + a.valueLength,
                    b.buf, b.valueOffset, b.valueOffset + b.valueLength)) {
                return false;
            }
        }
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).contentEquals(other.children.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(WmlWriter.render(this), java.nio.charset.StandardCharsets.UTF_8);
    }
}
