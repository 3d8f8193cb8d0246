package org.tavern.admin.internal.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines ending in LF (a CR before it is dropped) and never buffers more than the limit,
 * so a client that sends an endless line cannot grow the server's memory.
 */
public final class BoundedLineReader {

    /** A line longer than the limit; the rest of it is left unread, so the connection must be closed. */
    public static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("line longer than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int maxLineBytes;

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null at end of stream (a last unterminated line is returned). */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) {
                return line.size() == 0 ? null : decode(line);
            }
            if (b == '\n') {
                return decode(line);
            }
            if (line.size() == maxLineBytes) {
                throw new LineTooLongException(maxLineBytes);
            }
            line.write(b);
        }
    }

    private static String decode(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
