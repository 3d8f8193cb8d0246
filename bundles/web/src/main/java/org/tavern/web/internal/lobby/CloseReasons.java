package org.tavern.web.internal.lobby;

import java.nio.charset.StandardCharsets;

/** A close frame carries at most 123 bytes of reason (RFC 6455 5.5: 125 bytes of payload less the code). */
final class CloseReasons {

    static final int MAX_BYTES = 123;

    private CloseReasons() {
    }

    static String fit(String reason) {
        String text = reason == null ? "" : reason;
        if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES - 3) {
                break;
            }
            cut.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return cut.append("...").toString();
    }
}
