package org.tavern.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads real documents from testdata/captures for the benchmarks. */
public final class CaptureData {

    /** A frame a client sent: its connection number in the trace and its WML text. */
    public record ClientFrame(int connection, String text) {
    }

    private CaptureData() {
    }

    static Path captures() {
        Path dir = Path.of(System.getProperty("tavern.captures", "testdata/captures"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no captures at " + dir.toAbsolutePath() + "; pass -Dtavern.captures=DIR");
        }
        return dir;
    }

    /** Texts of the frames of one trace, in order, handshakes left out. */
    static List<byte[]> frames(String trace) throws IOException {
        List<byte[]> texts = new ArrayList<>();
        for (TracedFrame frame : framesWithHeaders(trace)) {
            texts.add(frame.text());
        }
        return texts;
    }

    /** What the clients of a trace sent, in order, handshakes left out. */
    public static List<ClientFrame> clientFrames(String trace) throws IOException {
        List<ClientFrame> sent = new ArrayList<>();
        for (TracedFrame frame : framesWithHeaders(trace)) {
            if (frame.fromClient()) {
                sent.add(new ClientFrame(frame.connection(), new String(frame.text(), StandardCharsets.UTF_8)));
            }
        }
        return sent;
    }

    private record TracedFrame(int connection, boolean fromClient, byte[] text) {
    }

    private static List<TracedFrame> framesWithHeaders(String trace) throws IOException {
        byte[] all = Files.readAllBytes(captures().resolve(trace));
        List<TracedFrame> frames = new ArrayList<>();
        int i = 0;
        while (i < all.length) {
            int eol = i;
            while (all[eol] != '\n') {
                eol++;
            }
            String[] header = new String(all, i, eol - i, StandardCharsets.UTF_8).split(" ");
            int length = Integer.parseInt(header[4].substring(4));
            byte[] text = Arrays.copyOfRange(all, eol + 1, eol + 1 + length);
            i = eol + 1 + length;
            if (i < all.length && all[i] == '\n') {
                i++;
            }
            if (!new String(text, 0, Math.min(10, text.length), StandardCharsets.UTF_8).startsWith("HANDSHAKE")) {
                frames.add(new TracedFrame(Integer.parseInt(header[1].substring(5)), header[2].equals("C>S"), text));
            }
        }
        return frames;
    }

    /** The level the host sends after [create_game] (the largest client frame, about 16 KB). */
    static byte[] level() throws IOException {
        byte[] largest = new byte[0];
        for (byte[] frame : frames("host_join_test1_test2.trace.txt")) {
            if (frame.length > largest.length) {
                largest = frame;
            }
        }
        return largest;
    }

    /**
     * A long game history (over 1 MB): the [turn] documents of the AI battle capture, their
     * [command]s gathered under one [turn] and repeated, the shape a late observer receives.
     */
    static byte[] history() throws IOException {
        StringBuilder commands = new StringBuilder();
        for (byte[] frame : frames("ai_battle_lg_battle.trace.txt")) {
            String text = new String(frame, StandardCharsets.UTF_8);
            if (text.startsWith("[turn]")) {
                int start = text.indexOf('\n') + 1;
                int end = text.lastIndexOf("[/turn]");
                if (end > start) {
                    commands.append(text, start, end);
                }
            }
        }
        StringBuilder history = new StringBuilder("[turn]\n");
        while (history.length() < 1_200_000) {
            history.append(commands);
        }
        history.append("[/turn]\n");
        return history.toString().getBytes(StandardCharsets.UTF_8);
    }
}
