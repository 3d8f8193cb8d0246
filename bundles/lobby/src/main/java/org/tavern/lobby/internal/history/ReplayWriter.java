package org.tavern.lobby.internal.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.lobby.internal.common.Levels;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * {@code save_replays=yes}: each scenario played is written where {@code replay_save_path} says, as
 * wesnothd writes it (so existing replay tools read it): bzip2 WML, the level as it started with
 * {@code mp_game_title}, then a {@code [replay]} holding every recorded command, named
 * {@code <scenario name> Turn <turn> (<game id>).bz2} with wesnothd's file-name cleaning. The
 * document is assembled on the game's actor (one copy); compressing and writing happen on this
 * writer's own thread, so a slow disk never stalls a game.
 */
public final class ReplayWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayWriter.class);

    private final String pathPrefix;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tavern-replays");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code pathPrefix} is used as wesnothd does: a raw prefix of the file name (a folder ends with /). */
    public ReplayWriter(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    /**
     * Queues the replay of the scenario {@code game} just played (on the game's actor); returns the
     * file's name as the game history records it: relative to the server's home when it is below it.
     */
    public String save(int gameId, String gameName, Document startingLevel, GameHistory history, int turn) {
        LOG.debug("Game {}: saving the replay of turn {}", gameId, turn);
        Document replay = build(gameName, startingLevel, history);
        Node start = Levels.startingPosition(startingLevel.root());
        String scenarioName = start == null ? "" : start.text("name");
        Path file = Path.of(pathPrefix + fileName(scenarioName + " Turn " + turn + " (" + gameId + ").bz2"));
        byte[] text = replay.output();
        writer.execute(() -> write(file, text, gameId));
        return recordedName(file, System.getProperty("tavern.home"));
    }

    /** {@code file} relative to {@code home} when it lies below it, else as it is. */
    static String recordedName(Path file, String home) {
        Path absolute = file.toAbsolutePath().normalize();
        if (home != null) {
            Path base = Path.of(home).toAbsolutePath().normalize();
            if (absolute.startsWith(base)) {
                return base.relativize(absolute).toString();
            }
        }
        return absolute.toString();
    }

    /**
     * The replay document: the starting level as it was (its own {@code [replay]} included), its
     * title, and one more {@code [replay]} with every recorded command, led by {@code [start]} when the
     * level had no replay of its own.
     */
    static Document build(String gameTitle, Document startingLevel, GameHistory history) {
        Document replay = Document.create();
        Node root = replay.root();
        root.copyContentsFrom(startingLevel.root());
        root.set("mp_game_title", gameTitle);
        boolean hadReplay = root.child("replay") != null;
        Node commands = root.addChild("replay");
        if (!hadReplay) {
            commands.addChild("command").addChild("start");
        }
        for (Node turn : history.asOneDocument().root().children("turn")) {
            for (Node command : turn.children("command")) {
                commands.addCopy(command);
            }
        }
        return replay;
    }

    /** wesnothd's cleaning: spaces become {@code _}, and only letters, digits and {@code _-.()#,!^+=@%'} stay. */
    static String fileName(String raw) {
        StringBuilder name = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                name.append('_');
            } else if ((c < 128 && Character.isLetterOrDigit(c)) || "_-.()#,!^+=@%'".indexOf(c) >= 0) {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static void write(Path file, byte[] text, int gameId) {
        try {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(text.length / 4 + 64);
            try (OutputStream bzip2 = new BZip2CompressorOutputStream(compressed)) {
                bzip2.write(text);
            }
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // Written beside its final name and moved there: a reader never sees half a replay.
            Path partial = Files.createTempFile(folder, ".replay", ".part");
            Files.write(partial, compressed.toByteArray());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Game {}: replay saved to {} ({} bytes)", gameId, file, compressed.size());
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.error("Game {}: could not save the replay to {}", gameId, file, e);
        }
    }

    /** Finishes the replays already queued (bounded), then stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Replays still being written after 30 s; giving up on them");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }
}
