package org.tavern.wml;

/**
 * Parses WML text into {@link Node}s whose names and values are spans over the input; no String is
 * made. Accepts everything the Wesnoth client writes (and what wesnothd accepts), and is more lenient
 * than wesnothd in one respect: attributes may come in any order.
 *
 * <p>Rules: whitespace between items is skipped; a {@code #} at the start of an item comments out the
 * rest of the line ({@code #textdomain}); {@code [name]} opens an element and any {@code [/...]} closes
 * the current one (wesnothd does not check the name); the end of input closes open elements.
 * {@code key=value}: the key runs to the first {@code =}; the value is quoted ({@code ""} escapes a
 * quote, may span lines, may be {@code _"translatable"} and may continue with {@code +} on the next
 * line) or unquoted to the end of the line. The raw value span runs from after the first opening
 * quote to before the last closing quote, so a concatenation is kept whole, as wesnothd keeps it.
 */
final class WmlParser {

    private final byte[] b;
    private final int n;
    private final WmlLimits limits;
    private int items;

    private WmlParser(byte[] text, WmlLimits limits) {
        this.b = text;
        this.n = text.length;
        this.limits = limits;
    }

    static Node parse(byte[] text, WmlLimits limits) throws WmlException {
        return new WmlParser(text, limits).parseDocument();
    }

    private Node parseDocument() throws WmlException {
        Node root = new Node(null, Bytes.EMPTY, 0, 0);
        root.spanBuf = b;
        root.spanStart = 0;
        root.spanEnd = n;
        Node current = root;
        int depth = 0;
        int i = 0;
        while (true) {
            i = skipWhitespace(i);
            if (i >= n) {
                break;
            }
            byte c = b[i];
            if (c == '#') {
                i = endOfLine(i) + 1;
            } else if (c == '[') {
                if (i + 1 < n && b[i + 1] == '/') {
                    int close = findOnLine(i + 2, (byte) ']');
                    if (close < 0) {
                        throw new WmlException("end element unterminated", i);
                    }
                    if (current == root) {
                        throw new WmlException("end element without a matching start element", i);
                    }
                    i = afterLineBreak(close + 1);
                    current.spanEnd = i;
                    current = current.parent;
                    depth--;
                } else {
                    int close = findOnLine(i + 1, (byte) ']');
                    if (close < 0) {
                        throw new WmlException("unterminated element", i);
                    }
                    if (close == i + 1) {
                        throw new WmlException("element without a name", i);
                    }
                    if (++depth > limits.maxDepth()) {
                        throw new WmlException("elements nested too deep", i);
                    }
                    countItem(i);
                    Node child = new Node(current, b, i + 1, close - i - 1);
                    child.spanBuf = b;
                    child.spanStart = i;
                    current.children.add(child);
                    current = child;
                    i = close + 1;
                }
            } else {
                i = parseAttribute(current, i);
            }
        }
        // wesnothd closes elements left open at the end of input. Their text lacks the closing tags,
        // so they (and hence their ancestors) must be written anew rather than copied.
        for (Node open = current; open != null; open = open.parent) {
            open.spanEnd = n;
            open.dirty = current != root;
        }
        return root;
    }

    /** Parses {@code key=value} at {@code start}; returns the position after it. */
    private int parseAttribute(Node node, int start) throws WmlException {
        int eq = start;
        while (eq < n && b[eq] != '=' && b[eq] != '\n') {
            eq++;
        }
        if (eq >= n || b[eq] != '=') {
            throw new WmlException("did not find '=' after attribute", start);
        }
        if (eq == start) {
            throw new WmlException("did not find attribute name before '='", start);
        }
        countItem(start);
        int i = eq + 1;
        if (i + 1 < n && b[i] == '_' && b[i + 1] == '"') {
            i++; // _"translatable": the marker is dropped, as wesnothd does
        }
        int valueStart;
        int valueEnd;
        if (i < n && b[i] == '"') {
            valueStart = i + 1;
            int quote = closingQuote(valueStart);
            while (true) {
                int after = skipBlanks(quote + 1);
                if (after < n && b[after] == '+') {
                    quote = closingQuote(continuation(after + 1) + 1);
                    continue;
                }
                valueEnd = quote;
                if (after < n && b[after] == '\r') {
                    after++;
                }
                if (after < n && b[after] != '\n') {
                    throw new WmlException("did not find newline after end of attribute", after);
                }
                i = after + 1;
                break;
            }
        } else {
            valueStart = i;
            int end = endOfLine(i);
            for (int j = i; j < end; j++) {
                if (b[j] == '"') {
                    throw new WmlException("found stray quotes in unquoted value", j);
                }
            }
            valueEnd = end > valueStart && b[end - 1] == '\r' ? end - 1 : end;
            i = end + 1;
        }
        node.attributes.add(new Attribute(b, start, eq - start, valueStart, valueEnd - valueStart));
        return i;
    }

    /** Finds the quote closing a value that starts at {@code from}, skipping {@code ""} escapes. */
    private int closingQuote(int from) throws WmlException {
        int j = from;
        while (true) {
            while (j < n && b[j] != '"') {
                j++;
            }
            if (j >= n) {
                throw new WmlException("did not find end of attribute", from - 1);
            }
            if (j + 1 < n && b[j + 1] == '"') {
                j += 2;
                continue;
            }
            return j;
        }
    }

    /**
     * After a {@code +}: the line must end, then blank lines, {@code #} lines and indentation may
     * follow before the next quoted piece (optionally {@code _}-marked). Returns its opening quote.
     */
    private int continuation(int afterPlus) throws WmlException {
        int i = skipBlanks(afterPlus);
        if (i < n && b[i] == '\r') {
            i++;
        }
        if (i >= n || b[i] != '\n') {
            throw new WmlException("did not find newline after '+'", afterPlus - 1);
        }
        while (true) {
            i = skipWhitespace(i);
            if (i < n && b[i] == '#') {
                int end = endOfLine(i);
                if (end >= n) {
                    throw new WmlException("did not find newline after '#'", i);
                }
                i = end + 1;
                continue;
            }
            break;
        }
        if (i + 1 < n && b[i] == '_' && b[i + 1] == '"') {
            i++;
        }
        if (i >= n || b[i] != '"') {
            throw new WmlException("did not find quotes after '+'", i);
        }
        return i;
    }

    private void countItem(int at) throws WmlException {
        if (++items > limits.maxItems()) {
            throw new WmlException("too many elements and attributes in one document", at);
        }
    }

    private int skipWhitespace(int i) {
        while (i < n) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    private int skipBlanks(int i) {
        while (i < n && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Index of the next newline at or after {@code i}, or {@code n}. */
    private int endOfLine(int i) {
        while (i < n && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private int findOnLine(int i, byte wanted) {
        while (i < n && b[i] != wanted && b[i] != '\n') {
            i++;
        }
        return i < n && b[i] == wanted ? i : -1;
    }

    /** Skips trailing blanks and one line break after a closing tag, so the element's span owns them. */
    private int afterLineBreak(int i) {
        int j = skipBlanks(i);
        if (j < n && b[j] == '\r') {
            j++;
        }
        if (j < n && b[j] == '\n') {
            return j + 1;
        }
        return i;
    }
}
