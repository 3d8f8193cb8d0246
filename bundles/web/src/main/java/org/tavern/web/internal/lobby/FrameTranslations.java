package org.tavern.web.internal.lobby;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * The JSON of an {@link EncodedFrame}. The lobby broadcasts one frame to every member in turn, so the
 * last frame's translation is kept: a line said to a thousand browsers is inflated, parsed and
 * written as JSON once, not a thousand times. One entry, so memory stays bounded.
 */
final class FrameTranslations {

    private record Translation(EncodedFrame frame, List<String> messages) {
    }

    private final AtomicReference<Translation> last = new AtomicReference<>();

    List<String> messages(EncodedFrame frame) {
        Translation known = last.get();
        if (known != null && known.frame() == frame) {
            return known.messages();
        }
        ByteBuffer buffer = frame.buffer();
        buffer.position(4); // the length prefix
        byte[] gzip = new byte[buffer.remaining()];
        buffer.get(gzip);
        List<String> messages;
        try {
            messages = WmlJson.messages(Document.fromGzip(gzip));
        } catch (WmlException e) {
            // the lobby's own frames always parse; should one not, the browser is told, never left hanging
            messages = List.of(WmlJson.message("error", WmlJson.kwargs().put("message",
                    "The server sent a message the web client cannot read.")));
        }
        last.set(new Translation(frame, messages));
        return messages;
    }
}
