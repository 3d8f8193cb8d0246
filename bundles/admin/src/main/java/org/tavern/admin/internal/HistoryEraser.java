package org.tavern.admin.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes lines out of a JLine shell's history (and its file) after the fact. In a class of its own:
 * JLine is an optional import of this bundle, so only a shell that has a JLine reader loads it.
 */
final class HistoryEraser {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryEraser.class);

    private HistoryEraser() {
    }

    /** Removes every entry {@code secret} accepts from the reader's history, if {@code reader} is a JLine one. */
    static void erase(Object reader, Predicate<String> secret) {
        if (!(reader instanceof LineReader lineReader)) {
            return;
        }
        History history = lineReader.getHistory();
        List<History.Entry> kept = new ArrayList<>();
        boolean found = false;
        for (History.Entry entry : history) {
            if (secret.test(entry.line())) {
                found = true;
            } else {
                kept.add(entry);
            }
        }
        if (!found) {
            return;
        }
        try {
            history.purge();
            for (History.Entry entry : kept) {
                history.add(entry.time(), entry.line());
            }
            history.save();
        } catch (IOException e) {
            LOG.warn("Cannot rewrite the shell history without a secret line: {}", e.toString());
        }
    }
}
