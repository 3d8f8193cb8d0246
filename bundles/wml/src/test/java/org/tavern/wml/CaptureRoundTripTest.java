package org.tavern.wml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every frame the real client and server exchanged must survive the codec. */
class CaptureRoundTripTest {

    static Stream<Captures.Frame> frames() throws Exception {
        List<Captures.Frame> frames = Captures.allFrames();
        return frames.stream();
    }

    @ParameterizedTest
    @MethodSource("frames")
    void unmodifiedDocumentIsWrittenAsTheExactInputBytes(Captures.Frame frame) throws Exception {
        Document document = Document.parse(frame.text());
        assertSame(frame.text(), document.output(), "an untouched document re-emits its own buffer");
    }

    @ParameterizedTest
    @MethodSource("frames")
    void unmodifiedGzipIsResentWithoutDeflating(Captures.Frame frame) throws Exception {
        byte[] gzip = Gzip.deflate(frame.text());
        Document document = Document.fromGzip(gzip);
        assertSame(gzip, document.compressedOutput());
        assertArrayEquals(frame.text(), document.output());
    }

    @ParameterizedTest
    @MethodSource("frames")
    void fullyReserialisedDocumentParsesToTheSameTree(Captures.Frame frame) throws Exception {
        Document original = Document.parse(frame.text());
        Document rewritten = Document.parse(frame.text());
        markAllDirty(rewritten.root());
        byte[] text = rewritten.output();
        assertTrue(Document.parse(text).root().contentEquals(original.root()),
                () -> frame + " rewritten as:\n" + new String(text, StandardCharsets.UTF_8));
        assertTrue(rewritten.root().contentEquals(original.root()), "spans re-pointed into the new text");
    }

    @ParameterizedTest
    @MethodSource("frames")
    void modifiedDocumentKeepsUntouchedElementsByteForByte(Captures.Frame frame) throws Exception {
        Document document = Document.parse(frame.text());
        Node root = document.root();
        if (root.children().isEmpty()) {
            return;
        }
        Node first = root.children().get(0);
        List<byte[]> untouched = root.children().stream().skip(1).map(WmlWriter::render).toList();
        first.set("tavern_probe", "a \"quoted\" value");

        Document reparsed = Document.parse(document.output());
        Node copy = reparsed.root().children().get(0);
        assertTrue(copy.attrEquals("tavern_probe", "a \"\"quoted\"\" value"), copy.toString());
        assertTrue(reparsed.root().contentEquals(document.root()));
        String out = new String(document.output(), StandardCharsets.UTF_8);
        for (byte[] sibling : untouched) {
            assertTrue(out.contains(new String(sibling, StandardCharsets.UTF_8)), "sibling copied verbatim");
        }
    }

    static void markAllDirty(Node node) {
        node.dirty = true;
        for (Node child : node.children) {
            markAllDirty(child);
        }
    }
}
