package org.tavern.wml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    private static final byte[] TEXT = "[message]\nmessage=\"hello\"\nsender=\"server\"\n[/message]\n"
            .getBytes(StandardCharsets.UTF_8);

    static byte[] jdkGzip(byte[] text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    @Test
    void outputIsStandardGzipWithWesnothdsHeader() throws Exception {
        byte[] gzip = Gzip.deflate(TEXT);
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, Arrays.copyOf(gzip, 10));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertArrayEquals(TEXT, in.readAllBytes());
        }
    }

    @Test
    void readsWhatOtherGzipWritersProduce() throws Exception {
        assertArrayEquals(TEXT, Gzip.inflate(jdkGzip(TEXT), 1000));
        // A header with a file name and a comment (FNAME | FCOMMENT).
        byte[] plain = Gzip.deflate(TEXT);
        byte[] named = new byte[plain.length + 8];
        System.arraycopy(plain, 0, named, 0, 10);
        named[3] = 8 | 16;
        System.arraycopy("a.w\0c\0".getBytes(StandardCharsets.US_ASCII), 0, named, 10, 6);
        System.arraycopy(plain, 10, named, 16, plain.length - 10);
        assertArrayEquals(TEXT, Gzip.inflate(Arrays.copyOf(named, plain.length + 6), 1000));
    }

    @Test
    void onlyTheFirstMemberIsUsed() throws Exception {
        byte[] first = Gzip.deflate(TEXT);
        byte[] second = Gzip.deflate("[other]\n[/other]\n".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertArrayEquals(TEXT, Gzip.inflate(both, 1000));
        // The size field at the end of the payload belongs to the last member: larger or smaller
        // than the first member's text, it must not change the result.
        byte[] bigger = Gzip.deflate(new byte[500]);
        byte[] firstSmall = Arrays.copyOf(first, first.length + bigger.length);
        System.arraycopy(bigger, 0, firstSmall, first.length, bigger.length);
        assertArrayEquals(TEXT, Gzip.inflate(firstSmall, 1000));
    }

    @Test
    void aGzipBombCostsNoMemoryWhileRefused() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] truthful = oneGigabyteOfZeros(1 << 30);
        byte[] lyingSmall = oneGigabyteOfZeros(1000);
        Gzip.inflate(Gzip.deflate(TEXT), 1000); // the thread's codec exists before counting
        for (byte[] bomb : List.of(truthful, lyingSmall)) {
            long before = threads.getCurrentThreadAllocatedBytes();
            assertEquals(Gzip.TOO_BIG, assertThrows(WmlException.class, () -> Gzip.inflate(bomb, 40_000_000)).reason());
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // Before, the text was inflated into a buffer doubled up to the limit: ~80 MB each time.
            assertTrue(allocated < 1 << 20, allocated + " bytes allocated refusing a bomb");
        }
    }

    /**
     * 1 GB of zeros, gzip'd (about 1 MB; streaming it through a deflater keeps the test small), with
     * a CRC of 0 and {@code declaredSize} in the trailer's size field.
     */
    private static byte[] oneGigabyteOfZeros(int declaredSize) throws Exception {
        Deflater deflater = new Deflater(9, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        compressed.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        byte[] zeros = new byte[1 << 20];
        byte[] out = new byte[1 << 16];
        for (int i = 0; i < 1024; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(out, 0, deflater.deflate(out));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(out, 0, deflater.deflate(out));
        }
        compressed.write(new byte[4]);
        compressed.write(new byte[] {(byte) declaredSize, (byte) (declaredSize >> 8), (byte) (declaredSize >> 16),
            (byte) (declaredSize >> 24)});
        return compressed.toByteArray();
    }

    @Test
    void gzipBombIsRefusedWhileInflatingNotAfter() throws Exception {
        // 1 GB of zeros deflates to about 1 MB, its trailer all zeros (a size field of 0)
        byte[] bomb = oneGigabyteOfZeros(0);
        WmlException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(WmlException.class, () -> Document.fromGzip(bomb)));
        assertEquals(Gzip.TOO_BIG, e.reason());
        // The limit is exact: one byte more than allowed is refused, exactly the limit is accepted.
        byte[] text = new byte[1000];
        Arrays.fill(text, (byte) '\n');
        assertEquals(1000, Gzip.inflate(jdkGzip(text), 1000).length);
        assertEquals(Gzip.TOO_BIG, assertThrows(WmlException.class, () -> Gzip.inflate(jdkGzip(text), 999)).reason());
    }

    @Test
    void truncatedCorruptOrForeignPayloadsFailToUncompress() throws Exception {
        byte[] good = Gzip.deflate(TEXT);
        for (int cut : new int[] {0, 5, 10, 12, good.length / 2, good.length - 4, good.length - 1}) {
            assertEquals(Gzip.FAILED, assertThrows(WmlException.class,
                    () -> Gzip.inflate(Arrays.copyOf(good, cut), 1000)).reason(), "cut at " + cut);
        }
        byte[] badCrc = good.clone();
        badCrc[good.length - 8] ^= 1;
        assertEquals(Gzip.FAILED, assertThrows(WmlException.class, () -> Gzip.inflate(badCrc, 1000)).reason());
        byte[] badData = good.clone();
        badData[12] ^= (byte) 0xff;
        assertThrows(WmlException.class, () -> Gzip.inflate(badData, 1000));
        assertEquals(Gzip.FAILED, assertThrows(WmlException.class, () -> Document.fromGzip(TEXT)).reason(),
                "plain text is not accepted");
        byte[] reserved = good.clone();
        reserved[3] = (byte) 0x80;
        assertEquals(Gzip.FAILED, assertThrows(WmlException.class, () -> Gzip.inflate(reserved, 1000)).reason());
    }

    @Test
    void compressedSizeLimitIsCheckedBeforeInflating() {
        byte[] gzip = Gzip.deflate(TEXT);
        WmlLimits small = WmlLimits.DEFAULT.withMaxCompressedBytes(gzip.length - 1);
        assertEquals("payload size over size limit",
                assertThrows(WmlException.class, () -> Document.fromGzip(gzip, small)).reason());
    }

    @Test
    void largeDocumentsRoundTrip() throws Exception {
        byte[] big = new byte[5_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + (i * 7919 % 26));
        }
        assertArrayEquals(big, Gzip.inflate(Gzip.deflate(big), big.length));
    }
}
