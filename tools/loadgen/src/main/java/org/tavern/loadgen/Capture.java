package org.tavern.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records of a decoded capture ({@code testdata/captures/*.trace.txt}): a header line
 * {@code ### conn=N C>S|S>C t=SECONDS len=BYTES}, then exactly BYTES bytes of WML text (values may
 * hold newlines, so the length, not the next header, ends a record). The handshake records
 * ({@code HANDSHAKE ...}) are kept like any other; callers skip them.
 */
final class Capture {

    /** One message as seen by the proxy. */
    record Frame(int connection, boolean fromClient, String text) {
        /** The first tag of the text, or "" for a document that starts with attributes (a level). */
        String firstTag() {
            return Wire.firstTag(text);
        }
    }

    private static final Pattern HEADER = Pattern.compile("### conn=(\\d+) (C>S|S>C) t=[0-9.]+ len=(\\d+)\n");

    private Capture() {
    }

    static List<Frame> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    static List<Frame> parse(byte[] data, String where) throws IOException {
        // ISO-8859-1 maps bytes to chars one to one, so match offsets are byte offsets.
        String latin = new String(data, StandardCharsets.ISO_8859_1);
        List<Frame> frames = new ArrayList<>();
        Matcher m = HEADER.matcher(latin);
        int at = 0;
        while (at < latin.length() && m.find(at)) {
            if (!latin.substring(at, m.start()).isBlank()) {
                throw new IOException(where + ": unexpected text before the record at byte " + m.start());
            }
            int length = Integer.parseInt(m.group(3));
            int end = m.end() + length;
            if (end > data.length) {
                throw new IOException(where + ": record at byte " + m.start() + " claims " + length
                        + " bytes, only " + (data.length - m.end()) + " left");
            }
            String text = new String(data, m.end(), length, StandardCharsets.UTF_8);
            frames.add(new Frame(Integer.parseInt(m.group(1)), m.group(2).equals("C>S"), text));
            at = end;
        }
        if (frames.isEmpty()) {
            throw new IOException(where + ": no capture records (expected '### conn=N C>S t=... len=...' lines)");
        }
        return frames;
    }
}
