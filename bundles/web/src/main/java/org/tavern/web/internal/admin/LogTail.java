package org.tavern.web.internal.admin;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of logs/tavern.log, reading at most {@link #MAX_BYTES} from its end. */
final class LogTail {

    static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static List<String> last(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(MAX_BYTES, length);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(size < length ? 1 : 0, all.length - lines); // the first may be cut
            return Arrays.asList(all).subList(Math.min(from, all.length), all.length);
        } catch (IOException e) {
            return List.of("(the log cannot be read: " + e.getMessage() + ")");
        }
    }
}
