package org.tavern.admin.internal.console;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Remembers whether output has been written since a mark and how it ended, so the console can start
 * its prompt or its end-of-command line at the beginning of a line whatever a command printed.
 */
final class LastByteOutputStream extends FilterOutputStream {

    private int lastByte = '\n';
    private boolean writtenSinceMark;

    LastByteOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        lastByte = b & 0xff;
        writtenSinceMark = true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        if (length > 0) {
            lastByte = bytes[offset + length - 1] & 0xff;
            writtenSinceMark = true;
        }
    }

    void mark() {
        writtenSinceMark = false;
    }

    /** True when something was written since the mark and it did not end with a newline. */
    boolean inMidLine() {
        return writtenSinceMark && lastByte != '\n';
    }
}
