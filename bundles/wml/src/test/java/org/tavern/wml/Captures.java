package org.tavern.wml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Reads the decoded real-client traffic in testdata/captures/*.trace.txt (format in its README). */
final class Captures {

    record Frame(String file, int connection, boolean fromClient, byte[] text) {
        @Override
        public String toString() {
            return file + " conn=" + connection + (fromClient ? " C>S " : " S>C ") + text.length + " bytes";
        }
    }

    private Captures() {
    }

    static Path directory() {
        Path dir = Path.of(System.getProperty("tavern.captures", "../../testdata/captures"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("captures not found at " + dir.toAbsolutePath()
                    + " (set -Dtavern.captures)");
        }
        return dir;
    }

    /** Every WML frame of every trace (handshakes left out). */
    static List<Frame> allFrames() throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".trace.txt")).sorted().toList()) {
                frames.addAll(frames(file));
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames in " + directory());
        }
        return frames;
    }

    static List<Frame> frames(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<Frame> frames = new ArrayList<>();
        int i = 0;
        while (i < all.length) {
            int eol = indexOf(all, (byte) '\n', i);
            String header = new String(all, i, eol - i, StandardCharsets.UTF_8);
            if (!header.startsWith("### conn=")) {
                throw new IllegalStateException(file + ": expected a record header at byte " + i + ": " + header);
            }
            String[] parts = header.split(" ");
            int connection = Integer.parseInt(parts[1].substring("conn=".length()));
            boolean fromClient = parts[2].equals("C>S");
            int length = Integer.parseInt(parts[4].substring("len=".length()));
            byte[] text = Arrays.copyOfRange(all, eol + 1, eol + 1 + length);
            i = eol + 1 + length;
            if (i < all.length && all[i] == '\n') {
                i++; // the proxy adds one newline after each record
            }
            if (!new String(text, StandardCharsets.UTF_8).startsWith("HANDSHAKE ")) {
                frames.add(new Frame(file.getFileName().toString(), connection, fromClient, text));
            }
        }
        return frames;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return b.length;
    }
}
