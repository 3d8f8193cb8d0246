package org.tavern.wml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WmlParserTest {

    private static Node parse(String text) throws WmlException {
        return Document.parse(text).root();
    }

    private static WmlException reject(String text) {
        return assertThrows(WmlException.class, () -> Document.parse(text));
    }

    @Test
    void quotedUnquotedAndEscapedValuesAreKeptRaw() throws Exception {
        Node message = parse("[message]\n\tmessage=\"say \"\"hi\"\"\"\n\tsender=alice\n[/message]\n").child("message");
        assertEquals("say \"\"hi\"\"", message.attr("message"));
        assertEquals("say \"hi\"", message.text("message"));
        assertEquals("alice", message.attr("sender"));
    }

    @Test
    void translatableMarkerIsDropped() throws Exception {
        assertEquals("Hello", parse("name=_\"Hello\"\n").attr("name"));
    }

    @Test
    void concatenationIsKeptAsOneRawSpanAndWrittenBackIntact() throws Exception {
        String text = "[side]\nname=_\"Grand\" + \n#textdomain wesnoth-units\n\t_\"Marshal\"\nside=1\n[/side]\n";
        Node side = parse(text).child("side");
        assertEquals("Grand\" + \n#textdomain wesnoth-units\n\t_\"Marshal", side.attr("name"));
        side.set("side", 2);
        Node again = parse(side.toString()).child("side");
        assertEquals(side.attr("name"), again.attr("name"));
        assertEquals("2", again.attr("side"));
    }

    @Test
    void multiLineQuotedValues() throws Exception {
        assertEquals("line one\nline two", parse("text=\"line one\nline two\"\n").attr("text"));
    }

    @Test
    void commentsWhitespaceAndCrLfAreAccepted() throws Exception {
        Node root = parse("#textdomain wesnoth\r\n\r\n  [a]\r\n\tx=1\r\n\ty=\"2\"  \r\n[/a]\r\n");
        assertEquals("1", root.child("a").attr("x"));
        assertEquals("2", root.child("a").attr("y"));
    }

    @Test
    void attributesInAnyOrderAreAcceptedAndWrittenSorted() throws Exception {
        Document document = Document.parse("[a]\nzeta=1\nalpha=2\nmid=3\n[/a]\n");
        document.root().child("a").set("beta", "4");
        assertEquals("[a]\nalpha=\"2\"\nbeta=\"4\"\nmid=\"3\"\nzeta=\"1\"\n[/a]\n",
                new String(document.output(), StandardCharsets.UTF_8));
    }

    @Test
    void duplicateKeysKeepTheLastValue() throws Exception {
        Document document = Document.parse("x=1\nx=2\n");
        assertEquals("2", document.root().attr("x"));
        document.root().set("y", "3");
        assertEquals("x=\"2\"\ny=\"3\"\n", new String(document.output(), StandardCharsets.UTF_8));
    }

    @Test
    void closingTagNameIsNotCheckedAndEndOfInputClosesElements() throws Exception {
        Node root = parse("[query]\ntype=status\n[/other]\n[b]\n[c]\nx=1\n");
        assertEquals("status", root.child("query").attr("type"));
        assertEquals("1", root.child("b").child("c").attr("x"));
        assertEquals("[b]\n[c]\nx=\"1\"\n[/c]\n[/b]\n", root.child("b").toString());
    }

    @Test
    void emptyDocumentIsEmpty() throws Exception {
        assertTrue(Document.parse("").isEmpty());
        assertTrue(Document.parse("\n# only a comment\n").isEmpty());
        assertFalse(Document.parse("[a][/a]").isEmpty());
    }

    @Test
    void childrenByNameAndIndex() throws Exception {
        Node root = parse("[user]\nname=a\n[/user]\n[gamelist]\n[/gamelist]\n[user]\nname=b\n[/user]\n");
        assertEquals(2, root.count("user"));
        assertEquals("b", root.child("user", 1).attr("name"));
        assertNull(root.child("user", 2));
        assertEquals(1, root.indexOf(root.child("user", 1)));
        assertEquals(0, root.indexOf(root.child("gamelist")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[a]\\ntype = \"x\"\\n[/a]|found stray quotes in unquoted value",
        "[a]\\nx=\"unterminated\\n|did not find end of attribute",
        "[a]\\njustakey\\n[/a]|did not find '=' after attribute",
        "[/a]|end element without a matching start element",
        "]|did not find '=' after attribute",
        "[a|unterminated element",
        "[a]\\n[/a|end element unterminated",
        "x=\"a\" +\\ny=1|did not find quotes after '+'",
        "x=\"a\" + z\\n|did not find newline after '+'",
        "x=\"a\" tail\\n|did not find newline after end of attribute",
        "=1\\n|did not find attribute name before '='",
        "[]\\n|element without a name",
    })
    void malformedInputIsAWmlExceptionWithAReason(String text, String reason) {
        WmlException e = reject(text.replace("\\n", "\n"));
        assertEquals(reason, e.reason());
        assertTrue(e.offset() >= 0);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "[a]".repeat(1001);
        assertEquals("elements nested too deep", reject(deep).reason());
        assertTrue(assertThrows(WmlException.class, () -> Document.parse("[a]".repeat(100_000))).reason()
                .contains("nested too deep"));
    }

    @Test
    void nestingAtTheLimitIsAccepted() throws Exception {
        Node node = parse("[a]".repeat(1000));
        int depth = 0;
        while (node.child("a") != null) {
            node = node.child("a");
            depth++;
        }
        assertEquals(1000, depth);
    }

    @Test
    void tooManyItemsAreRefused() {
        WmlLimits limits = new WmlLimits(1000, 1000, 10, 5);
        assertThrows(WmlException.class, () -> Document.parse("a=1\nb=1\nc=1\n[d]\n[/d]\ne=1\nf=1\n".getBytes(
                StandardCharsets.UTF_8), limits));
    }

    @Test
    void typedGettersFollowWesnothd() throws Exception {
        Node n = parse("a=yes\nb=no\nc=off\nd=false\ne=0\nf=0.0\ng=\nh=true\ni=  -42abc\nj=abc\nk=99999999999\n");
        assertTrue(n.toBool("a", false));
        assertFalse(n.toBool("b", true));
        assertFalse(n.toBool("c", true));
        assertFalse(n.toBool("d", true));
        assertFalse(n.toBool("e", true));
        assertFalse(n.toBool("f", true));
        assertTrue(n.toBool("g", true), "empty gives the default");
        assertTrue(n.toBool("h", false));
        assertTrue(n.toBool("missing", true));
        assertEquals(-42, n.toInt("i", 7));
        assertEquals(0, n.toInt("j", 7));
        assertEquals(Integer.MAX_VALUE, n.toInt("k", 7));
        assertEquals(7, n.toInt("missing", 7));
    }

    @Test
    void utf8NamesAndValues() throws Exception {
        Node n = parse("[message]\nmessage=\"héllo ☺\"\n[/message]\n").child("message");
        assertEquals("héllo ☺", n.text("message"));
        assertTrue(n.attrEquals("message", "héllo ☺"));
    }
}
