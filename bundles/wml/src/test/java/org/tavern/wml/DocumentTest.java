package org.tavern.wml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTest {

    private static final String LEVEL = "abbrev=\"T\"\n[scenario]\n\tid=\"test1\"\n\t[side]\n\t\tside=1\n\t[/side]\n"
            + "\t[side]\n\t\tside=2\n\t[/side]\n[/scenario]\n[multiplayer]\n\tmp_era=\"default\"\n[/multiplayer]\n";

    @Test
    void documentsBuiltInCodeAreWrittenInWesnothdsFormat() {
        Document document = Document.create();
        document.root().addChild("message").set("sender", "server").set("message", "say \"x\"").set("type", "info");
        assertEquals("[message]\nmessage=\"say \"\"x\"\"\"\nsender=\"server\"\ntype=\"info\"\n[/message]\n",
                document.toString());
    }

    @Test
    void modifyingMarksTheElementAndItsAncestorsDirty() throws Exception {
        Document document = Document.parse(LEVEL);
        Node scenario = document.root().child("scenario");
        Node side2 = scenario.child("side", 1);
        assertFalse(document.isDirty());
        side2.set("controller", "human");
        assertTrue(side2.isDirty());
        assertTrue(scenario.isDirty());
        assertTrue(document.isDirty());
        assertFalse(scenario.child("side", 0).isDirty(), "siblings stay clean");
        assertFalse(document.root().child("multiplayer").isDirty());
    }

    @Test
    void writingKeepsCleanElementsAndRepointsEverythingIntoTheNewText() throws Exception {
        byte[] input = LEVEL.getBytes(StandardCharsets.UTF_8);
        Document document = Document.parse(input);
        document.root().child("scenario").child("side", 1).set("controller", "human");
        byte[] out = document.output();
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("[side]\n\t\tside=1\n\t[/side]\n"), "untouched side copied with its tabs");
        assertTrue(text.contains("[multiplayer]\n\tmp_era=\"default\"\n[/multiplayer]\n"));
        assertTrue(text.contains("[side]\ncontroller=\"human\"\nside=\"2\"\n[/side]\n"), text);
        assertFalse(document.isDirty());
        assertSame(out, document.output(), "written once");
        // Every span now lies in the new text: the input buffer is no longer referenced.
        assertNoReferenceTo(document.root(), input);
        assertTrue(Document.parse(out).root().contentEquals(document.root()));
    }

    private static void assertNoReferenceTo(Node node, byte[] buffer) {
        assertNotSame(buffer, node.spanBuf);
        assertNotSame(buffer, node.nameBuf);
        for (Attribute a : node.attributes) {
            assertNotSame(buffer, a.buf);
        }
        for (Node child : node.children) {
            assertNoReferenceTo(child, buffer);
        }
    }

    @Test
    void compressedOutputIsCachedAndDroppedOnChange() throws Exception {
        Document document = Document.parse(LEVEL);
        byte[] gzip = document.compressedOutput();
        assertSame(gzip, document.compressedOutput());
        document.root().set("abbrev", "U");
        byte[] changed = document.compressedOutput();
        assertNotSame(gzip, changed);
        assertEquals("U", Document.fromGzip(changed).root().attr("abbrev"));
    }

    @Test
    void compressKeepsOnlyTheGzipAndRebuildsOnDemand() throws Exception {
        Document document = Document.parse(LEVEL);
        byte[] gzip = document.compressedOutput();
        document.compress();
        assertTrue(document.isCompressed());
        assertSame(gzip, document.compressedOutput(), "still sendable without inflating");
        assertEquals("test1", document.root().child("scenario").attr("id"));
        assertFalse(document.isCompressed());
        assertArrayEquals(LEVEL.getBytes(StandardCharsets.UTF_8), document.output());
    }

    @Test
    void swapExchangesContentsAndOwnership() throws Exception {
        Document a = Document.parse("x=1\n");
        Document b = Document.parse("y=2\n");
        Node rootOfA = a.root();
        a.swap(b);
        assertEquals("2", a.root().attr("y"));
        assertEquals("1", b.root().attr("x"));
        assertSame(b, rootOfA.document());
        rootOfA.set("x", "3");
        assertTrue(b.isDirty());
        assertFalse(a.isDirty());
    }

    @Test
    void copiesAreIndependentAndShareUntouchedBytes() throws Exception {
        Document original = Document.parse(LEVEL);
        Document copy = original.copy();
        copy.root().child("scenario").set("id", "other");
        assertEquals("test1", original.root().child("scenario").attr("id"));
        assertFalse(original.isDirty());
        Document target = Document.create();
        Node side = target.root().addChild("wrapper").addCopy(original.root().child("scenario").child("side"));
        assertFalse(side.isDirty(), "a grafted untouched element stays clean and is copied verbatim");
        assertTrue(target.toString().contains("[side]\n\t\tside=1\n\t[/side]\n"));
        assertThrows(IllegalArgumentException.class, () -> target.root().addCopy(original.root()));
    }

    @Test
    void childInsertionFollowsWmlIndexRules() throws Exception {
        Document document = Document.parse("[a]\nn=0\n[/a]\n[b]\n[/b]\n[a]\nn=1\n[/a]\n");
        Node root = document.root();
        root.addChildAt("a", 1).set("n", "new");
        assertEquals("new", root.child("a", 1).attr("n"));
        assertEquals(2, root.children().indexOf(root.child("a", 1)));
        root.addChildAt("a", 9).set("n", "last");
        assertSame(root.children().get(root.children().size() - 1), root.child("a", 3));
        assertTrue(root.removeChild("a", 0));
        assertEquals("new", root.child("a", 0).attr("n"));
        assertFalse(root.removeChild("a", 7));
        assertEquals(3, root.removeChildren("a"));
        assertEquals("[b]\n[/b]\n", document.toString());
    }

    @Test
    void invalidNamesAreRefused() {
        Node root = Document.create().root();
        assertThrows(IllegalArgumentException.class, () -> root.addChild("a]b"));
        assertThrows(IllegalArgumentException.class, () -> root.set("a=b", "x"));
        assertThrows(IllegalArgumentException.class, () -> root.set("", "x"));
    }
}
