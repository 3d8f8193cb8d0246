package org.tavern.wml;

import java.util.ArrayList;

/**
 * Writes a tree as WML text in wesnothd's output format: for a modified element, its attributes
 * sorted by name, one per line as {@code key="raw value"}, then its children in order, no indentation;
 * an untouched element is copied as the exact bytes it was parsed from.
 *
 * <p>The size is measured first so the text is written into one exactly sized array. When writing a
 * document, the spans of the tree are then moved into that array and every element marked clean.
 */
final class WmlWriter {

    private static final byte[] ASSIGN_OPEN = {'=', '"'};
    private static final byte[] CLOSE_VALUE = {'"', '\n'};

    private final byte[] out;
    private final boolean repoint;
    private int position;

    private WmlWriter(byte[] out, boolean repoint) {
        this.out = out;
        this.repoint = repoint;
    }

    /** Writes a document root and re-points the tree into the returned text. */
    static byte[] writeDocument(Node root) {
        normalize(root);
        WmlWriter writer = new WmlWriter(new byte[measureContent(root)], true);
        writer.writeContent(root);
        root.spanBuf = writer.out;
        root.spanStart = 0;
        root.spanEnd = writer.out.length;
        root.dirty = false;
        return writer.out;
    }

    /** Renders an element (with its tags, unless it is a root) without touching the tree's spans. */
    static byte[] render(Node node) {
        normalize(node);
        boolean isRoot = node.nameLength == 0;
        int size = isRoot ? measureContent(node) : measureElement(node);
        WmlWriter writer = new WmlWriter(new byte[size], false);
        if (isRoot) {
            writer.writeContent(node);
        } else {
            writer.writeElement(node);
        }
        return writer.out;
    }

    /** Sorts the attributes of dirty elements and drops duplicate keys (the last one wins). */
    private static void normalize(Node node) {
        if (!node.dirty) {
            return;
        }
        ArrayList<Attribute> attributes = node.attributes;
        if (attributes.size() > 1) {
            attributes.sort(Attribute::compareKeys); // stable: equal keys keep document order
            int kept = 0;
            for (int i = 0; i < attributes.size(); i++) {
                boolean lastOfItsKey = i + 1 == attributes.size()
                        || Attribute.compareKeys(attributes.get(i), attributes.get(i + 1)) != 0;
                if (lastOfItsKey) {
                    attributes.set(kept++, attributes.get(i));
                }
            }
            attributes.subList(kept, attributes.size()).clear();
        }
        for (Node child : node.children) {
            normalize(child);
        }
    }

    private static int measureContent(Node node) {
        if (!node.dirty) {
            return node.spanEnd - node.spanStart;
        }
        int size = 0;
        for (Attribute a : node.attributes) {
            size += a.keyLength + a.valueLength + 4;
        }
        for (Node child : node.children) {
            size += measureElement(child);
        }
        return size;
    }

    private static int measureElement(Node node) {
        if (!node.dirty) {
            return node.spanEnd - node.spanStart;
        }
        // "[name]\n" + content + "[/name]\n"
        return 2 * node.nameLength + 7 + measureContent(node);
    }

    private void writeContent(Node node) {
        if (!node.dirty) {
            copyClean(node);
            return;
        }
        for (Attribute a : node.attributes) {
            int keyAt = position;
            put(a.buf, a.keyOffset, a.keyLength);
            put(ASSIGN_OPEN, 0, 2);
            int valueAt = position;
            put(a.buf, a.valueOffset, a.valueLength);
            put(CLOSE_VALUE, 0, 2);
            if (repoint) {
                a.buf = out;
                a.keyOffset = keyAt;
                a.valueOffset = valueAt;
            }
        }
        for (Node child : node.children) {
            writeElement(child);
        }
    }

    private void writeElement(Node node) {
        if (!node.dirty) {
            copyClean(node);
            return;
        }
        int start = position;
        out[position++] = '[';
        int nameAt = position;
        put(node.nameBuf, node.nameOffset, node.nameLength);
        out[position++] = ']';
        out[position++] = '\n';
        writeContent(node);
        out[position++] = '[';
        out[position++] = '/';
        put(node.nameBuf, node.nameOffset, node.nameLength);
        out[position++] = ']';
        out[position++] = '\n';
        if (repoint) {
            node.nameBuf = out;
            node.nameOffset = nameAt;
            node.spanBuf = out;
            node.spanStart = start;
            node.spanEnd = position;
            node.dirty = false;
        }
    }

    private void copyClean(Node node) {
        int start = position;
        put(node.spanBuf, node.spanStart, node.spanEnd - node.spanStart);
        if (repoint) {
            shift(node, node.spanBuf, start - node.spanStart);
        }
    }

    /** Moves a clean subtree's spans (all in {@code from}) into the output buffer. */
    private void shift(Node node, byte[] from, int delta) {
        node.spanBuf = out;
        node.spanStart += delta;
        node.spanEnd += delta;
        if (node.nameBuf == from) {
            node.nameBuf = out;
            node.nameOffset += delta;
        }
        for (Attribute a : node.attributes) {
            a.shift(out, delta);
        }
        for (Node child : node.children) {
            shift(child, from, delta);
        }
    }

    private void put(byte[] src, int offset, int length) {
        System.arraycopy(src, offset, out, position, length);
        position += length;
    }
}
