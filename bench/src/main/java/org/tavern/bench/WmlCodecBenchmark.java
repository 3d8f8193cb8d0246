package org.tavern.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * The WML codec's hot paths on a real 16 KB level and a 1.2 MB game history. Throughput is in
 * documents per second; MB/s = ops/s x size (sizes are printed at setup). Run with -prof gc for
 * allocations per document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WmlCodecBenchmark {

    @Param({"level", "history"})
    public String document;

    private byte[] text;
    private byte[] gzip;
    private Document received;

    @Setup(Level.Trial)
    public void load() throws Exception {
        text = document.equals("level") ? CaptureData.level() : CaptureData.history();
        gzip = Document.parse(text).compressedOutput();
        System.out.printf("%n[%s] text %d bytes, gzip %d bytes%n", document, text.length, gzip.length);
        received = Document.fromGzip(gzip);
    }

    /** Parse of WML text (no inflate). */
    @Benchmark
    public Document parse() throws WmlException {
        return Document.parse(text);
    }

    /** What a shard thread does per inbound frame: inflate + parse. */
    @Benchmark
    public Document inflateAndParse() throws WmlException {
        return Document.fromGzip(gzip);
    }

    /** Relaying a received, unmodified document: must not deflate or copy. */
    @Benchmark
    public byte[] resendUnmodified() {
        return received.compressedOutput();
    }

    /** One attribute changed, then written (clean elements copied, no re-parse); no deflate. */
    @Benchmark
    public byte[] modifyAndWrite() {
        modified().root().children().get(0).set("tavern_bench", "1");
        return modified.output();
    }

    /** One attribute changed, written and deflated for sending: the full cost of a modified re-send. */
    @Benchmark
    public byte[] modifyWriteAndCompress() {
        modified().root().children().get(0).set("tavern_bench", "1");
        return modified.compressedOutput();
    }

    private Document modified;

    private Document modified() {
        if (modified == null) {
            modified = received.copy();
        }
        return modified;
    }
}
