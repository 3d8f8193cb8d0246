package org.tavern.wml;

/**
 * A WML document: a root {@link Node} over the bytes it was parsed from, with its written text and
 * its gzip form cached.
 *
 * <ul>
 *   <li>A document received as gzip and not modified is sent again as the exact bytes it arrived in:
 *   {@link #compressedOutput()} costs nothing, no deflate, no copy.</li>
 *   <li>Once modified, {@link #output()} writes untouched elements as their original bytes and
 *   re-serialises only the dirty ones (attributes sorted, values quoted); the spans of the tree then
 *   point into the new text, so the buffers it was built from can be collected.</li>
 *   <li>{@link #compress()} keeps only the gzip bytes (a stored game level costs its compressed size);
 *   the tree is rebuilt on the next access.</li>
 * </ul>
 *
 * <p>Byte arrays handed in ({@link #parse(byte[])}, {@link #fromGzip(byte[])}) and handed out
 * ({@link #output()}, {@link #compressedOutput()}) are shared, never copied: neither side may modify
 * them. Not thread-safe; a finished document may be read (its output sent) from many threads.
 */
public final class Document {

    private Node root;
    /** Text the clean spans of the tree point into; the whole output while the root is clean. */
    private byte[] text;
    /** The gzip form; only ever non-null while the root is clean (or the tree is dropped). */
    private byte[] gzip;
    private WmlLimits limits;

    private Document(Node root, byte[] text, byte[] gzip, WmlLimits limits) {
        this.root = root;
        this.text = text;
        this.gzip = gzip;
        this.limits = limits;
        if (root != null) {
            root.owner = this;
        }
    }

    /** A new empty document, to be filled by code. */
    public static Document create() {
        Node root = new Node(null, Bytes.EMPTY, 0, 0);
        root.dirty = true;
        return new Document(root, null, null, WmlLimits.DEFAULT);
    }

    /** Parses WML text with the default limits. The array is kept (not copied): do not modify it. */
    public static Document parse(byte[] text) throws WmlException {
        return parse(text, WmlLimits.DEFAULT);
    }

    public static Document parse(byte[] text, WmlLimits limits) throws WmlException {
        if (text.length > limits.maxInflatedBytes()) {
            throw new WmlException("WML document exceeded size limit", limits.maxInflatedBytes());
        }
        Node root = WmlParser.parse(text, limits);
        return new Document(root, text, null, limits);
    }

    /** Parses text given as a String (for documents the server writes itself, and tests). */
    public static Document parse(String text) throws WmlException {
        return parse(Bytes.utf8(text));
    }

    /**
     * Inflates and parses a gzip payload as received from a peer. Only the first gzip member is used.
     * The array is kept as the cached compressed form: an unmodified document is re-sent as it came.
     */
    public static Document fromGzip(byte[] gzip) throws WmlException {
        return fromGzip(gzip, WmlLimits.DEFAULT);
    }

    public static Document fromGzip(byte[] gzip, WmlLimits limits) throws WmlException {
        if (gzip.length > limits.maxCompressedBytes()) {
            throw new WmlException("payload size over size limit", limits.maxCompressedBytes());
        }
        byte[] text = Gzip.inflate(gzip, limits.maxInflatedBytes());
        Node root = WmlParser.parse(text, limits);
        return new Document(root, text, gzip, limits);
    }

    /** The root element (attributes at the top of the document and top-level children). */
    public Node root() {
        expand();
        return root;
    }

    /** True when the document changed since it was parsed or last written. */
    public boolean isDirty() {
        return root != null && root.dirty;
    }

    /** True when the text has no elements and no attributes (wesnothd ignores such documents). */
    public boolean isEmpty() {
        Node r = root();
        return r.attributes.isEmpty() && r.children.isEmpty();
    }

    /**
     * The WML text. Unmodified: the buffer it was parsed from. Modified: written anew (untouched
     * elements copied as their original bytes), after which the tree points into the new text.
     */
    public byte[] output() {
        expand();
        if (root.dirty || text == null) {
            text = WmlWriter.writeDocument(root);
            gzip = null;
        }
        return text;
    }

    /** The gzip form, computed at most once per version of the document and then shared. */
    public byte[] compressedOutput() {
        if (gzip != null && (root == null || !root.dirty)) {
            return gzip;
        }
        byte[] out = output();
        gzip = Gzip.deflate(out);
        return gzip;
    }

    /** Keeps only the gzip bytes and drops the tree and text; they are rebuilt when next needed. */
    public void compress() {
        compressedOutput();
        if (root != null) {
            root.owner = null;
        }
        root = null;
        text = null;
    }

    /** True while only the gzip form is held (after {@link #compress()}). */
    public boolean isCompressed() {
        return root == null;
    }

    /** Exchanges the contents of two documents, in constant time. */
    public void swap(Document other) {
        Node r = root;
        byte[] t = text;
        byte[] g = gzip;
        WmlLimits l = limits;
        root = other.root;
        text = other.text;
        gzip = other.gzip;
        limits = other.limits;
        other.root = r;
        other.text = t;
        other.gzip = g;
        other.limits = l;
        if (root != null) {
            root.owner = this;
        }
        if (other.root != null) {
            other.root.owner = other;
        }
    }

    /** A deep copy; untouched parts keep sharing the (immutable) original bytes and caches. */
    public Document copy() {
        if (root == null) {
            return new Document(null, null, gzip, limits);
        }
        return new Document(root.deepCopy(null), text, root.dirty ? null : gzip, limits);
    }

    void contentChanged() {
        gzip = null;
    }

    private void expand() {
        if (root != null) {
            return;
        }
        try {
            // These bytes were produced or accepted by this document before, under the same limits.
            text = Gzip.inflate(gzip, limits.maxInflatedBytes());
            root = WmlParser.parse(text, limits);
            root.owner = this;
        } catch (WmlException e) {
            throw new IllegalStateException("a compressed document no longer parses: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return new String(output(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
