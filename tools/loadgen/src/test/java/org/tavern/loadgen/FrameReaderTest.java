package org.tavern.loadgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tavern.wml.Document;

class FrameReaderTest {

    private final List<Integer> handshakes = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();

    private void feed(FrameReader reader, byte[] bytes) throws Exception {
        reader.feed(ByteBuffer.wrap(bytes), handshakes::add, frames::add);
    }

    @Test
    void handshakeThenFramesCutAtEveryByte() throws Exception {
        byte[] one = Wire.frame("[version]\n[/version]\n");
        byte[] two = Wire.frame("[mustlogin]\n[/mustlogin]\n");
        ByteBuffer all = ByteBuffer.allocate(4 + one.length + two.length);
        all.putInt(42).put(one).put(two);
        FrameReader reader = new FrameReader(1000);
        for (byte b : all.array()) {
            feed(reader, new byte[] {b});
        }
        assertEquals(List.of(42), handshakes);
        assertEquals(2, frames.size());
        assertArrayEquals(java.util.Arrays.copyOfRange(one, 4, one.length), frames.get(0));
        assertEquals("[mustlogin]\n[/mustlogin]\n", Document.fromGzip(frames.get(1)).toString());
    }

    @Test
    void severalFramesInOneRead() throws Exception {
        byte[] frame = Wire.frame("[a]\n[/a]\n");
        ByteBuffer all = ByteBuffer.allocate(4 + 3 * frame.length);
        all.putInt(7).put(frame).put(frame).put(frame);
        FrameReader reader = new FrameReader(1000);
        feed(reader, all.array());
        assertEquals(3, frames.size());
    }

    @Test
    void zeroAndOversizedLengthsAreProtocolErrors() throws Exception {
        FrameReader zero = new FrameReader(1000);
        feed(zero, new byte[] {0, 0, 0, 42});
        assertThrows(FrameReader.ProtocolException.class, () -> feed(zero, new byte[] {0, 0, 0, 0}));
        FrameReader big = new FrameReader(1000);
        feed(big, new byte[] {0, 0, 0, 42});
        FrameReader.ProtocolException e = assertThrows(FrameReader.ProtocolException.class,
                () -> feed(big, new byte[] {0, 0, 3, (byte) 0xe9}));
        assertTrue(e.getMessage().contains("1001"), e.getMessage());
    }

    @Test
    void peekInflatesOnlyTheStart() {
        byte[] frame = Wire.frame("[gamelist]\n[/gamelist]\n" + "[user]\n\tname=\"x\"\n[/user]\n".repeat(10_000));
        byte[] payload = java.util.Arrays.copyOfRange(frame, 4, frame.length);
        assertEquals("gamelist", Wire.firstTag(Wire.peek(payload, 48)));
        assertEquals("", Wire.firstTag("abbrev=\"\"\n[scenario]"));
        assertEquals("", Wire.peek(new byte[] {1, 2, 3}, 48));
    }
}
