package org.tavern.transport.internal;

import java.util.function.Supplier;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.CumulativeProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * Cuts the byte stream into frames (4-byte big-endian length, gzip payload) and turns each into a
 * {@link Document}, on the connection's shard thread. A zero length or one above the limit closes
 * the connection at once, without buffering the payload; a payload that is not gzip'd WML gets
 * wesnothd's {@code [error] message="Invalid WML received: <reason>"} and then the connection closes.
 * Empty documents are dropped, as wesnothd ignores them.
 */
final class FrameDecoder extends CumulativeProtocolDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);

    private final Supplier<Limits> limits;

    FrameDecoder(Supplier<Limits> limits) {
        this.limits = limits;
    }

    @Override
    protected boolean doDecode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) {
        if (session.isClosing()) {
            in.position(in.limit());
            return false;
        }
        if (in.remaining() < 4) {
            return false;
        }
        long length = in.getUnsignedInt(in.position());
        Limits bounds = limits.get();
        if (length == 0) {
            refuse(session, in, "received a frame with payload size 0");
            return false;
        }
        if (length > bounds.maxFrameBytes()) {
            refuse(session, in, "frame payload of " + length + " bytes is over the limit of "
                    + bounds.maxFrameBytes());
            return false;
        }
        if (in.remaining() < 4 + length) {
            return false;
        }
        in.skip(4);
        byte[] payload = new byte[(int) length];
        in.get(payload);
        try {
            Document document = Document.fromGzip(payload, bounds.wml());
            if (!document.isEmpty()) {
                out.write(document);
            }
        } catch (WmlException e) {
            LOG.info("Invalid WML from {} ({}): {}", session.getId(), session.getRemoteAddress(), e.getMessage());
            Document error = Document.create();
            error.root().addChild("error").set("message", "Invalid WML received: " + e.reason());
            session.write(IoBuffer.wrap(EncodedFrame.of(error).buffer()));
            in.position(in.limit());
            MinaConnection connection = MinaConnection.of(session);
            if (connection != null) {
                connection.close("invalid WML: " + e.reason());
            } else {
                session.closeOnFlush();
            }
            return false;
        }
        return true;
    }

    private static void refuse(IoSession session, IoBuffer in, String reason) {
        in.position(in.limit());
        MinaConnection connection = MinaConnection.of(session);
        if (connection != null) {
            connection.closeNow(reason);
        } else {
            LOG.warn("Disconnecting {}: {}", session.getRemoteAddress(), reason);
            session.closeNow();
        }
    }
}
