package org.tavern.lobby.internal.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * What a game recorded since its start, kept as the frames that were sent (compressed bytes, shared
 * with the relay) and as one running WML text: the concatenation of documents is itself the single
 * history document a late observer receives, so building it costs one parse of the joined text,
 * never a parse per recorded turn, and no parsed trees are held while the game runs.
 */
public final class GameHistory {

    private final List<EncodedFrame> frames = new ArrayList<>();
    private byte[] text = new byte[0];
    private int length;

    /** Records a document that was (or is being) sent as {@code frame}. */
    public void record(Document document, EncodedFrame frame) {
        frames.add(frame);
        byte[] more = document.output();
        if (length + more.length > text.length) {
            text = Arrays.copyOf(text, Math.max(length + more.length, text.length * 2));
        }
        System.arraycopy(more, 0, text, length, more.length);
        length += more.length;
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    public void clear() {
        frames.clear();
        text = new byte[0];
        length = 0;
    }

    /** Everything recorded as one WML text (a copy), the bytes a late observer's document is parsed from. */
    public byte[] text() {
        return Arrays.copyOf(text, length);
    }

    /** A handed-over history: the frames as they were sent and the text that goes with them. */
    public void restore(List<EncodedFrame> restoredFrames, byte[] restoredText) {
        frames.clear();
        frames.addAll(restoredFrames);
        text = restoredText.clone();
        length = text.length;
    }

    /** The recorded documents one by one, as sent. */
    public List<EncodedFrame> frames() {
        return frames;
    }

    /** Everything recorded, as one document. */
    public Document asOneDocument() {
        try {
            return Document.parse(Arrays.copyOf(text, length));
        } catch (WmlException e) {
            // Every piece was written or accepted by our own codec, so the whole parses too.
            throw new IllegalStateException("recorded history does not parse: " + e.getMessage(), e);
        }
    }
}
