package org.tavern.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Frames as a client writes them (4-byte length + gzip of the WML text), and a cheap look at the
 * start of a received document's text without inflating all of it.
 */
final class Wire {

    /** The 4 zero bytes a client sends first: "no TLS". */
    static final byte[] HANDSHAKE = {0, 0, 0, 0};

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(6, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private Wire() {
    }

    /** A whole frame for {@code wml}: length prefix, gzip header, deflate data, CRC and size. */
    static byte[] frame(String wml) {
        byte[] text = wml.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(text);
        deflater.finish();
        byte[] out = new byte[4 + GZIP_HEADER.length + text.length + text.length / 8 + 64];
        System.arraycopy(GZIP_HEADER, 0, out, 4, GZIP_HEADER.length);
        int length = 4 + GZIP_HEADER.length;
        while (!deflater.finished()) {
            if (length == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            length += deflater.deflate(out, length, out.length - length);
        }
        CRC32 crc = new CRC32();
        crc.update(text);
        out = java.util.Arrays.copyOf(out, length + 8);
        putIntLE(out, length, (int) crc.getValue());
        putIntLE(out, length + 4, text.length);
        int payload = out.length - 4;
        out[0] = (byte) (payload >>> 24);
        out[1] = (byte) (payload >>> 16);
        out[2] = (byte) (payload >>> 8);
        out[3] = (byte) payload;
        return out;
    }

    static ByteBuffer buffer(byte[] frame) {
        return ByteBuffer.wrap(frame);
    }

    /**
     * Up to {@code max} leading bytes of the document's text, inflating no more than that: enough
     * to tell {@code [version]} from {@code [gamelist]} without paying for a whole lobby list.
     */
    static String peek(byte[] gzip, int max) {
        if (gzip.length < 18 || gzip[0] != 0x1f || gzip[1] != (byte) 0x8b) {
            return "";
        }
        int offset = headerLength(gzip);
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(gzip, offset, gzip.length - offset);
        byte[] out = new byte[max];
        int n = 0;
        try {
            while (n < max && !inflater.finished()) {
                int produced = inflater.inflate(out, n, max - n);
                if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += produced;
            }
        } catch (DataFormatException e) {
            return "";
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The first tag of a text ({@code "version"} for {@code "[version]\n..."}), or "" if it starts otherwise. */
    static String firstTag(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '[') {
            return "";
        }
        int end = text.indexOf(']', i);
        return end < 0 ? "" : text.substring(i + 1, end);
    }

    private static int headerLength(byte[] g) {
        int flags = g[3] & 0xff;
        int i = 10;
        if ((flags & 4) != 0) {
            i += 2 + ((g[i] & 0xff) | (g[i + 1] & 0xff) << 8);
        }
        if ((flags & 8) != 0) {
            while (i < g.length && g[i] != 0) {
                i++;
            }
            i++;
        }
        if ((flags & 16) != 0) {
            while (i < g.length && g[i] != 0) {
                i++;
            }
            i++;
        }
        if ((flags & 2) != 0) {
            i += 2;
        }
        return Math.min(i, g.length);
    }

    private static void putIntLE(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }
}
