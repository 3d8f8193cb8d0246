package org.tavern.wml;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties over generated documents (jqwik). */
class WmlPropertiesTest {

    record Spec(List<Tuple.Tuple2<String, String>> attributes, List<Tuple.Tuple2<String, Spec>> children) {
    }

    @Provide
    Arbitrary<Spec> documents() {
        return spec(3);
    }

    private Arbitrary<Spec> spec(int depth) {
        Arbitrary<String> names = Arbitraries.of("a", "side", "game", "user", "turn", "command", "x_y", "é");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20),
                Arbitraries.strings().withChars("\"\n\t é☺[]=#+_").ofMaxLength(8),
                Arbitraries.of("", "yes", "no", "0", "-12"));
        Arbitrary<List<Tuple.Tuple2<String, String>>> attributes =
                Combinators.combine(names, values).as(Tuple::of).list().ofMaxSize(5);
        if (depth == 0) {
            return attributes.map(a -> new Spec(a, List.of()));
        }
        Arbitrary<List<Tuple.Tuple2<String, Spec>>> children =
                Combinators.combine(names, Arbitraries.lazy(() -> spec(depth - 1))).as(Tuple::of).list().ofMaxSize(3);
        return Combinators.combine(attributes, children).as(Spec::new);
    }

    static Document build(Spec spec) {
        Document document = Document.create();
        fill(document.root(), spec);
        return document;
    }

    private static void fill(Node node, Spec spec) {
        for (Tuple.Tuple2<String, String> attribute : spec.attributes()) {
            node.set(attribute.get1(), attribute.get2());
        }
        for (Tuple.Tuple2<String, Spec> child : spec.children()) {
            fill(node.addChild(child.get1()), child.get2());
        }
    }

    @Property(tries = 300)
    boolean parseOfWriteIsTheSameDocument(@ForAll("documents") Spec spec) throws WmlException {
        Document document = build(spec);
        Document parsed = Document.parse(document.output().clone());
        return parsed.root().contentEquals(document.root());
    }

    @Property(tries = 300)
    boolean gzipRoundTripIsTheSameDocument(@ForAll("documents") Spec spec) throws WmlException {
        Document document = build(spec);
        return Document.fromGzip(document.compressedOutput()).root().contentEquals(document.root());
    }

    @Property(tries = 300)
    boolean applyingTheDiffBetweenTwoDocumentsGivesTheSecond(@ForAll("documents") Spec a,
            @ForAll("documents") Spec b) throws WmlException {
        Node from = Document.parse(build(a).output()).root();
        Node to = build(b).root();
        Document diff = Document.parse(WmlDiff.between(from, to).output());
        return WmlDiff.apply(from, diff.root()) && sameByTag(from, to);
    }

    /** Equal up to the order between children of different names (which diffs do not preserve). */
    private static boolean sameByTag(Node x, Node y) {
        if (!x.attributeNames().stream().sorted().toList().equals(y.attributeNames().stream().sorted().toList())) {
            return false;
        }
        for (String key : x.attributeNames()) {
            if (!x.attr(key).equals(y.attr(key))) {
                return false;
            }
        }
        if (x.children().size() != y.children().size()) {
            return false;
        }
        for (Node child : x.children()) {
            List<Node> mine = x.children(child.name());
            List<Node> theirs = y.children(child.name());
            if (mine.size() != theirs.size()) {
                return false;
            }
            for (int i = 0; i < mine.size(); i++) {
                if (!sameByTag(mine.get(i), theirs.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
