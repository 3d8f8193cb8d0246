package org.tavern.wml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the network entry point: gzip payload to document and back.
 * Nothing but {@link WmlException} may escape. {@code mvn verify} runs a bounded number of
 * executions; {@link WmlLongFuzz} runs the same target for ten minutes
 * ({@code mvn test -pl bundles/wml -am -Dtest=WmlLongFuzz -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class WmlFuzzTest {

    private static final WmlLimits LIMITS = new WmlLimits(1 << 20, 1 << 20, 1000, 100_000);

    /**
     * One fuzz target (Jazzer fuzzes a single target per run): the first byte picks the entry point,
     * raw gzip from the network, WML text, or WML text behind valid gzip.
     */
    @FuzzTest(maxExecutions = 100_000)
    void networkPayload(FuzzedDataProvider data) {
        fuzzOne(data);
    }

    static void fuzzOne(FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 2);
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            Document document = switch (mode) {
                case 0 -> Document.fromGzip(bytes, LIMITS);
                case 1 -> Document.parse(bytes, LIMITS);
                default -> Document.fromGzip(Gzip.deflate(bytes), LIMITS);
            };
            exercise(document);
        } catch (WmlException expected) {
            // refused input is the expected outcome for most fuzz inputs
        }
    }

    /** Whatever parses must write, re-parse to the same tree, and survive modification. */
    private static void exercise(Document document) throws WmlException {
        Document again = Document.parse(document.output().clone(), LIMITS);
        CaptureRoundTripTest.markAllDirty(again.root());
        Document rewritten = Document.parse(again.output().clone(), LIMITS);
        if (!rewritten.root().contentEquals(document.root())) {
            throw new AssertionError("re-serialised document differs:\n" + document + "\n---\n" + rewritten);
        }
        document.root().set("fuzz", "x");
        Document.fromGzip(document.compressedOutput(), LIMITS);
    }
}
