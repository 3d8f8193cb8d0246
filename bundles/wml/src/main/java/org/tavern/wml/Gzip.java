package org.tavern.wml;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * gzip (RFC 1952) over {@link Inflater}/{@link Deflater} instances kept per thread, so no message
 * allocates native zlib state. Inflating stops as soon as the output passes the limit: a gzip bomb
 * costs at most the limit, never its full size. Output uses the header wesnothd writes (mtime 0,
 * OS 255), which the Wesnoth client reads.
 */
final class Gzip {

    /** Errors a peer can cause are all reported as wesnothd does. */
    static final String FAILED = "failed to uncompress";
    static final String TOO_BIG = "WML document exceeded size limit during decompression";

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;
    /** Scratch buffers larger than this are not kept between messages. */
    private static final int KEEP_SCRATCH_BYTES = 1 << 20;
    /** deflate cannot expand more than about 1032:1; a larger claimed size is not trusted. */
    private static final long MAX_RATIO = 1100;
    /** zlib level 6, zlib's default: wesnothd's, and a good speed/size balance for WML. */
    static final int LEVEL = 6;

    private static final ThreadLocal<Codec> CODEC = ThreadLocal.withInitial(Codec::new);

    private Gzip() {
    }

    /** The reusable state of one thread. */
    private static final class Codec {
        final Inflater inflater = new Inflater(true);
        final Deflater deflater = new Deflater(LEVEL, true);
        final CRC32 crc = new CRC32();
        final byte[] oneByte = new byte[1];
        byte[] scratch = new byte[64 * 1024];

        /** Doubles the scratch buffer (at least to {@code needed}, at most to {@code cap}). */
        byte[] grow(int needed, int cap) {
            long doubled = (long) scratch.length * 2;
            int size = (int) Math.max(needed, Math.min(doubled, cap));
            scratch = Arrays.copyOf(scratch, size);
            return scratch;
        }

        void release() {
            if (scratch.length > KEEP_SCRATCH_BYTES) {
                scratch = new byte[64 * 1024];
            }
        }
    }

    static byte[] deflate(byte[] text) {
        Codec codec = CODEC.get();
        Deflater deflater = codec.deflater;
        deflater.reset();
        deflater.setInput(text);
        deflater.finish();
        try {
            byte[] buf = codec.scratch;
            int length = HEADER.length;
            System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
            while (!deflater.finished()) {
                if (length == buf.length) {
                    buf = codec.grow(length + 1, Integer.MAX_VALUE - 16);
                }
                length += deflater.deflate(buf, length, buf.length - length);
            }
            codec.crc.reset();
            codec.crc.update(text);
            byte[] result = Arrays.copyOf(buf, length + 8);
            putIntLE(result, length, (int) codec.crc.getValue());
            putIntLE(result, length + 4, text.length);
            return result;
        } finally {
            codec.release();
        }
    }

    /**
     * Inflates the first gzip member of {@code gzip}, refusing output beyond {@code maxBytes}. Memory
     * follows the text actually there, never a hostile claim: the trailer's size field (the size
     * modulo 2^32 of a single-member payload) gives the array to inflate into when it is plausible;
     * when it is not, or the text runs past it, the text is first inflated without being kept, only
     * counted, so a gzip bomb costs CPU up to the limit and no memory, and only a text found within
     * the limit is inflated again into a growing buffer (wrong trailers, more members after the first).
     */
    static byte[] inflate(byte[] gzip, int maxBytes) throws WmlException {
        int offset = headerLength(gzip);
        Codec codec = CODEC.get();
        long declared = Integer.toUnsignedLong(intLE(gzip, gzip.length - 4));
        boolean plausible = declared <= maxBytes && declared <= (long) gzip.length * MAX_RATIO;
        try {
            if (plausible) {
                byte[] text = inflateExactly(codec, gzip, offset, (int) declared);
                if (text != null) {
                    return text;
                }
            }
            refuseIfLargerThan(codec, gzip, offset, maxBytes);
            return inflateGrowing(codec, gzip, offset, maxBytes);
        } finally {
            codec.release();
        }
    }

    /** Into an array of the declared size; null when the text is longer than declared. */
    private static byte[] inflateExactly(Codec codec, byte[] gzip, int offset, int declared) throws WmlException {
        Inflater inflater = codec.inflater;
        inflater.reset();
        inflater.setInput(gzip, offset, gzip.length - offset);
        byte[] buf = new byte[declared];
        int length = 0;
        try {
            while (!inflater.finished()) {
                if (length == buf.length) {
                    if (inflater.inflate(codec.oneByte, 0, 1) == 1) {
                        return null; // longer than the size field says
                    }
                    if (inflater.finished()) {
                        break; // the size field was right
                    }
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw new WmlException(FAILED, gzip.length);
                    }
                    continue;
                }
                int produced = inflater.inflate(buf, length, buf.length - length);
                length += produced;
                if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new WmlException(FAILED, gzip.length);
                }
            }
        } catch (DataFormatException e) {
            throw new WmlException(FAILED, offset + inflater.getTotalIn());
        }
        checkTrailer(codec, gzip, buf, length);
        return length == buf.length ? buf : Arrays.copyOf(buf, length);
    }

    /** Into the thread's scratch buffer, doubled as needed up to the limit. */
    private static byte[] inflateGrowing(Codec codec, byte[] gzip, int offset, int maxBytes) throws WmlException {
        Inflater inflater = codec.inflater;
        inflater.reset();
        inflater.setInput(gzip, offset, gzip.length - offset);
        // One byte of room past the limit, so that "exactly at the limit" and "over it" differ.
        int window = (int) Math.min((long) maxBytes + 1, Integer.MAX_VALUE - 16);
        byte[] buf = codec.scratch;
        int length = 0;
        try {
            while (!inflater.finished()) {
                if (length == buf.length) {
                    buf = codec.grow(length + 1, window);
                }
                int produced = inflater.inflate(buf, length, Math.min(buf.length, window) - length);
                length += produced;
                if (length > maxBytes) {
                    throw new WmlException(TOO_BIG, offset + inflater.getTotalIn());
                }
                if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new WmlException(FAILED, gzip.length);
                }
            }
        } catch (DataFormatException e) {
            throw new WmlException(FAILED, offset + inflater.getTotalIn());
        }
        checkTrailer(codec, gzip, buf, length);
        return Arrays.copyOf(buf, length);
    }

    /** The first member's CRC and size, right after its deflate data. */
    private static void checkTrailer(Codec codec, byte[] gzip, byte[] text, int length) throws WmlException {
        int trailer = gzip.length - codec.inflater.getRemaining();
        if (gzip.length - trailer < 8) {
            throw new WmlException(FAILED, trailer);
        }
        codec.crc.reset();
        codec.crc.update(text, 0, length);
        if (intLE(gzip, trailer) != (int) codec.crc.getValue() || intLE(gzip, trailer + 4) != length) {
            throw new WmlException(FAILED, trailer);
        }
    }

    /** Inflates into the scratch buffer, over and over, counting: TOO_BIG past {@code maxBytes}. */
    private static void refuseIfLargerThan(Codec codec, byte[] gzip, int offset, int maxBytes) throws WmlException {
        Inflater inflater = codec.inflater;
        inflater.reset();
        inflater.setInput(gzip, offset, gzip.length - offset);
        byte[] scratch = codec.scratch;
        long total = 0;
        try {
            while (!inflater.finished()) {
                int produced = inflater.inflate(scratch, 0, scratch.length);
                total += produced;
                if (total > maxBytes) {
                    throw new WmlException(TOO_BIG, offset + inflater.getTotalIn());
                }
                if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return; // truncated: the inflating below reports it as wesnothd does
                }
            }
        } catch (DataFormatException e) {
            return; // corrupt: likewise
        }
    }

    /** Validates the gzip header and returns where the deflate data starts. */
    private static int headerLength(byte[] g) throws WmlException {
        if (g.length < 18 || g[0] != 0x1f || g[1] != (byte) 0x8b || g[2] != 8) {
            throw new WmlException(FAILED, 0);
        }
        int flags = g[3] & 0xff;
        if ((flags & RESERVED) != 0) {
            throw new WmlException(FAILED, 3);
        }
        int i = 10;
        if ((flags & FEXTRA) != 0) {
            i += 2 + ((g[i] & 0xff) | (g[i + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            i = skipZeroTerminated(g, i);
        }
        if ((flags & FCOMMENT) != 0) {
            i = skipZeroTerminated(g, i);
        }
        if ((flags & FHCRC) != 0) {
            i += 2;
        }
        if (i >= g.length) {
            throw new WmlException(FAILED, g.length);
        }
        return i;
    }

    private static int skipZeroTerminated(byte[] g, int i) throws WmlException {
        while (i < g.length && g[i] != 0) {
            i++;
        }
        if (i >= g.length) {
            throw new WmlException(FAILED, g.length);
        }
        return i + 1;
    }

    private static void putIntLE(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }

    private static int intLE(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
