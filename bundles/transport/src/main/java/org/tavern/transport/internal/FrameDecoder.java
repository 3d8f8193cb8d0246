package org.tavern.transport.internal;

import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.EncodedFrame;
import org.tavern.wml.Document;
import org.tavern.wml.WmlException;

/**
 * Cuts the byte stream into frames (4-byte big-endian length, gzip payload) and turns each into a
 * {@link Document}, on the connection's shard thread.
 *
 * <p>Memory: a frame's declared length is reserved from the {@link MemoryBudget} when its prefix
 * arrives; a zero length, one above the limit or one the budget cannot hold closes the connection
 * before any of its bytes are kept. The payload array then grows with the bytes actually received
 * (doubling, and at most half again the bytes present), never to the declared length up front, so
 * a peer that declares 40 MB and sends little costs little. Inflating takes its own reservation: a
 * document is inflated at most to what the budget has left (a larger one is invalid WML).
 *
 * <p>A payload that is not gzip'd WML gets wesnothd's {@code [error] message="Invalid WML received:
 * <reason>"} and then the connection closes. Empty documents are dropped, as wesnothd ignores them.
 * Past {@code max_frames_per_second} frames or {@code max_read_bytes_per_second} bytes in one
 * second, reading from the connection pauses until the {@link ConnectionWatch} resumes it at the
 * next second.
 */
final class FrameDecoder implements ProtocolDecoder {

    static final int FIRST_CHUNK = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);
    private static final AttributeKey STATE = new AttributeKey(FrameDecoder.class, "frame");

    private final Supplier<Limits> limits;
    private final MemoryBudget budget;

    /** The frame being received on one session (touched by its shard thread only). */
    private static final class Partial {
        int header;
        int headerBytes;
        long length; // 0 while the prefix is read
        byte[] payload;
        int received;
        String reservedFor; // the address the length is reserved for, or null
    }

    FrameDecoder(Supplier<Limits> limits, MemoryBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    @Override
    public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) {
        MinaConnection reader = MinaConnection.of(session);
        if (reader != null && reader.countBytesRead(in.remaining(), limits.get().maxReadBytesPerSecond())) {
            session.suspendRead(); // the watch resumes it at the next second; these bytes are decoded now
        }
        Partial frame = (Partial) session.getAttribute(STATE);
        if (frame == null) {
            frame = new Partial();
            session.setAttribute(STATE, frame);
        }
        while (in.hasRemaining()) {
            if (session.isClosing()) {
                in.position(in.limit());
                return;
            }
            if (frame.length == 0 && !readPrefix(session, in, frame)) {
                return;
            }
            int count = (int) Math.min(frame.length - frame.received, in.remaining());
            ensureCapacity(frame, frame.received + count);
            in.get(frame.payload, frame.received, count);
            frame.received += count;
            if (frame.received < frame.length) {
                return;
            }
            byte[] payload = frame.payload;
            String reservedFor = frame.reservedFor;
            long length = frame.length;
            frame.length = 0;
            frame.payload = null;
            frame.received = 0;
            frame.reservedFor = null;
            try {
                if (!complete(session, in, payload, out)) {
                    return;
                }
            } finally {
                budget.releaseFrame(reservedFor, length);
            }
        }
    }

    /** Reads the length prefix and reserves it; false when more bytes are needed or the frame is refused. */
    private boolean readPrefix(IoSession session, IoBuffer in, Partial frame) {
        while (frame.headerBytes < 4 && in.hasRemaining()) {
            frame.header = frame.header << 8 | (in.get() & 0xff);
            frame.headerBytes++;
        }
        if (frame.headerBytes < 4) {
            return false;
        }
        long length = frame.header & 0xffffffffL;
        frame.header = 0;
        frame.headerBytes = 0;
        Limits bounds = limits.get();
        if (length == 0) {
            refuse(session, in, "received a frame with payload size 0", "");
            return false;
        }
        if (length > bounds.maxFrameBytes()) {
            refuse(session, in, "frame payload over the limit of " + bounds.maxFrameBytes() + " bytes",
                    " (" + length + " bytes)");
            return false;
        }
        String ip = ip(session);
        String refusal = budget.reserveFrame(bounds, ip, length);
        if (refusal != null) {
            refuse(session, in, "frame refused by the memory budget", ": " + refusal);
            return false;
        }
        frame.length = length;
        frame.reservedFor = ip;
        frame.payload = new byte[(int) Math.min(length, FIRST_CHUNK)];
        return true;
    }

    /** Grows the payload with what was received: doubling, and to the full length once past half of it. */
    private static void ensureCapacity(Partial frame, int needed) {
        if (needed <= frame.payload.length) {
            return;
        }
        long capacity = Math.max(needed, Math.min(frame.length, (long) frame.payload.length * 2));
        if (capacity * 2 >= frame.length) {
            capacity = frame.length;
        }
        frame.payload = Arrays.copyOf(frame.payload, (int) capacity);
    }

    /** Inflates and hands on one whole frame; false when the connection is being closed. */
    private boolean complete(IoSession session, IoBuffer in, byte[] payload, ProtocolDecoderOutput out) {
        Limits bounds = limits.get();
        // Reserved: the size the gzip trailer declares (a valid payload inflates to exactly that),
        // not the limit; a larger declared size is refused by the codec before any inflating.
        long wanted = Math.min(Math.min(bounds.wml().maxInflatedBytes(), bounds.budgetPerConnection()),
                declaredInflatedBytes(payload));
        long granted = budget.reserveInflation(bounds, wanted);
        try {
            Document document = Document.fromGzip(payload, bounds.wml().withMaxInflatedBytes((int) granted));
            if (!document.isEmpty()) {
                out.write(document);
                MinaConnection connection = MinaConnection.of(session);
                if (connection != null && connection.countFrameRead(bounds.maxFramesPerSecond())) {
                    session.suspendRead(); // the watch resumes it at the next second
                }
            }
            return true;
        } catch (WmlException e) {
            LOG.debug("Invalid WML from {} ({}): {}", session.getId(), session.getRemoteAddress(), e.getMessage());
            Document error = Document.create();
            error.root().addChild("error").set("message", "Invalid WML received: " + e.reason());
            session.write(IoBuffer.wrap(EncodedFrame.of(error).buffer()));
            in.position(in.limit());
            MinaConnection connection = MinaConnection.of(session);
            if (connection != null) {
                connection.close(NetworkEvents.Level.INFO, "invalid WML", " (" + e.reason() + ")");
            } else {
                session.closeOnFlush();
            }
            return false;
        } finally {
            budget.releaseInflation(granted);
        }
    }

    /** The gzip trailer's ISIZE field (unsigned, the inflated size modulo 2^32); 0 for a payload too short. */
    static long declaredInflatedBytes(byte[] payload) {
        int n = payload.length;
        if (n < 4) {
            return 0;
        }
        return (payload[n - 4] & 0xffL) | (payload[n - 3] & 0xffL) << 8 | (payload[n - 2] & 0xffL) << 16
                | (payload[n - 1] & 0xffL) << 24;
    }

    private static String ip(IoSession session) {
        MinaConnection connection = MinaConnection.of(session);
        return connection != null ? connection.remoteIp() : String.valueOf(session.getRemoteAddress());
    }

    private static void refuse(IoSession session, IoBuffer in, String cause, String detail) {
        in.position(in.limit());
        MinaConnection connection = MinaConnection.of(session);
        if (connection != null) {
            connection.closeNow(cause, detail);
        } else {
            LOG.debug("Disconnecting {}: {}{}", session.getRemoteAddress(), cause, detail);
            session.closeNow();
        }
    }

    /** The session ended: a frame cut short is dropped, as wesnothd does, and gives its reservation back. */
    @Override
    public void finishDecode(IoSession session, ProtocolDecoderOutput out) {
        dispose(session);
    }

    @Override
    public void dispose(IoSession session) {
        Partial frame = (Partial) session.removeAttribute(STATE);
        if (frame != null && frame.reservedFor != null) {
            budget.releaseFrame(frame.reservedFor, frame.length);
            frame.reservedFor = null;
            frame.payload = null;
        }
    }
}
