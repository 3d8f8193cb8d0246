package org.tavern.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tavern.wml.Document;
import org.tavern.wml.Node;

/**
 * A document in a form that does not depend on how a server formats it (sorted attributes, one per
 * line, no blank lines), with the parts that differ by nature (times, dice, uptime) masked.
 */
final class CanonicalWml {

    /** A login a moment ago reads "expired" (under a second) or "N seconds", depending on timing. */
    private static final Pattern SECONDS = Pattern.compile("logged on for (\\d+ seconds|expired)");
    private static final Pattern UPTIME = Pattern.compile("Up \\d+ days, \\d+ hours, \\d+ minutes, \\d+ seconds");
    private static final Pattern ROLL = Pattern.compile("and got a \\d+");
    private static final Pattern TIME = Pattern.compile("(?m)^time=\"\\d+\"$");
    private static final Pattern SEED = Pattern.compile("(?m)^new_seed=\"[0-9a-f]+\"$");
    private static final Pattern BAN_TIMES = Pattern.compile("(start_time|end_time): \\d{8} \\d\\d:\\d\\d:\\d\\d");
    /** A remaining ban shortens by the second: a ban set just now reads 5 or 4 minutes. */
    private static final Pattern REMAINING = Pattern.compile("Remaining ban duration: \\d+ hours, \\d+ minutes");
    private static final Pattern LAST_SEEN = Pattern.compile("last seen: \\d\\d:\\d\\d:\\d\\d \\d\\d\\.\\d\\d\\.\\d{4}");
    private static final Pattern REQUESTS = Pattern.compile("\\d+ requests serviced\\. \\d+ \\(\\d+%\\)");

    private CanonicalWml() {
    }

    static String of(Document document) {
        StringBuilder out = new StringBuilder();
        write(document.root(), out);
        return mask(out.toString());
    }

    private static void write(Node node, StringBuilder out) {
        List<String> keys = new ArrayList<>(node.attributeNames());
        keys.sort(null);
        for (String key : keys) {
            out.append(key).append("=\"").append(unordered(node.attr(key))).append("\"\n");
        }
        for (Node child : node.children()) {
            out.append('[').append(child.name()).append("]\n");
            write(child, out);
            out.append("[/").append(child.name()).append("]\n");
        }
    }

    /** wesnothd lists a status or clones report's players in no stable order: compare them as a set. */
    private static String unordered(String value) {
        if (!value.startsWith("STATUS REPORT for ") && !value.startsWith("CLONES STATUS REPORT")) {
            return value;
        }
        List<String> lines = new ArrayList<>(List.of(value.split("\n")));
        List<String> players = new ArrayList<>(lines.subList(1, lines.size()));
        players.sort(null);
        players.add(0, lines.get(0));
        return String.join("\n", players);
    }

    private static String mask(String text) {
        text = SECONDS.matcher(text).replaceAll("logged on for N seconds");
        text = UPTIME.matcher(text).replaceAll("Up UPTIME");
        text = ROLL.matcher(text).replaceAll("and got a N");
        text = BAN_TIMES.matcher(text).replaceAll("$1: TIME");
        text = LAST_SEEN.matcher(text).replaceAll("last seen: TIME");
        text = REMAINING.matcher(text).replaceAll("Remaining ban duration: H hours, M minutes");
        text = TIME.matcher(text).replaceAll("time=\"T\"");
        text = SEED.matcher(text).replaceAll("new_seed=\"S\"");
        return REQUESTS.matcher(text).replaceAll("N requests serviced. N (P%)");
    }
}
