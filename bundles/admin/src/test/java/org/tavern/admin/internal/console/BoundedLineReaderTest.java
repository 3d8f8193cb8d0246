package org.tavern.admin.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static BoundedLineReader reader(String text, int limit) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
    }

    @Test
    void readsLfAndCrlfLinesAndALastUnterminatedOne() throws Exception {
        BoundedLineReader in = reader("one\r\ntwo\n\nthré", 64);
        assertEquals("one", in.readLine());
        assertEquals("two", in.readLine());
        assertEquals("", in.readLine());
        assertEquals("thré", in.readLine());
        assertNull(in.readLine());
    }

    @Test
    void aLineAtTheLimitPassesOneByteMoreIsRefused() throws Exception {
        assertEquals("abcd", reader("abcd\n", 4).readLine());
        assertThrows(BoundedLineReader.LineTooLongException.class, () -> reader("abcde\n", 4).readLine());
    }
}
