package org.tavern.loadgen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A two-player game as its clients sent it, taken from a capture: the host's {@code [create_game]}
 * and level, what host and joiner send before the start ({@code [scenario_diff]},
 * {@code [change_faction]}, ... up to {@code [start_game]}), and then the played part, every
 * {@code [turn]} and {@code [request_choice]} in the order the server got them. The names the
 * players had in the capture are replaced by the load generator's, as the level and the diffs
 * name the players of their sides.
 */
final class RecordedGame {

    enum Role { HOST, JOINER }

    /** One document of the played part. */
    record Step(Role sender, boolean choice, String text, int requestId, boolean firstOfRequest) {
    }

    private static final Pattern REQUEST_ID = Pattern.compile("request_id=(\\d+)");
    private static final Pattern LOGIN = Pattern.compile("username=\"([^\"]+)\"");

    final String createGame;
    final String level;
    final List<Capture.Frame> hostBeforeJoin;
    final List<Capture.Frame> joinerSetup;
    final List<Capture.Frame> hostAfterJoin;
    final List<Step> steps;
    final String hostName;
    final String joinerName;
    /** The largest request id of the played part: iteration k adds k times this to each id. */
    final int maxRequestId;

    private RecordedGame(String createGame, String level, List<Capture.Frame> hostBeforeJoin,
            List<Capture.Frame> joinerSetup, List<Capture.Frame> hostAfterJoin, List<Step> steps,
            String hostName, String joinerName) {
        this.createGame = createGame;
        this.level = level;
        this.hostBeforeJoin = hostBeforeJoin;
        this.joinerSetup = joinerSetup;
        this.hostAfterJoin = hostAfterJoin;
        this.steps = steps;
        this.hostName = hostName;
        this.joinerName = joinerName;
        this.maxRequestId = steps.stream().mapToInt(Step::requestId).max().orElse(0);
    }

    static RecordedGame from(List<Capture.Frame> frames, String where) throws IOException {
        int host = -1;
        int joiner = -1;
        for (Capture.Frame f : frames) {
            if (f.fromClient() && host < 0 && f.firstTag().equals("create_game")) {
                host = f.connection();
            }
            if (f.fromClient() && joiner < 0 && f.firstTag().equals("join") && f.text().contains("observe=no")) {
                joiner = f.connection();
            }
        }
        if (host < 0 || joiner < 0) {
            throw new IOException(where + ": needs a host's [create_game] and a player's [join] observe=no");
        }
        String hostName = loginName(frames, host, where);
        String joinerName = loginName(frames, joiner, where);
        String create = null;
        String level = null;
        List<Capture.Frame> beforeJoin = new ArrayList<>();
        List<Capture.Frame> joinerSetup = new ArrayList<>();
        List<Capture.Frame> afterJoin = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        java.util.Set<Integer> seenRequests = new java.util.HashSet<>();
        boolean joined = false;
        boolean started = false;
        for (Capture.Frame f : frames) {
            if (!f.fromClient() || (f.connection() != host && f.connection() != joiner)) {
                continue;
            }
            String tag = f.firstTag();
            boolean fromHost = f.connection() == host;
            if (create == null) {
                if (fromHost && tag.equals("create_game")) {
                    create = f.text();
                }
                continue;
            }
            if (level == null) {
                if (fromHost) {
                    level = f.text();
                }
                continue;
            }
            if (!started) {
                if (!fromHost && tag.equals("join")) {
                    joined = true;
                } else if (tag.equals("scenario_diff") || tag.equals("change_faction") || tag.equals("stop_updates")
                        || tag.equals("start_game")) {
                    (fromHost ? (joined ? afterJoin : beforeJoin) : joinerSetup).add(f);
                    started = fromHost && tag.equals("start_game");
                }
                continue;
            }
            if (tag.equals("leave_game") || tag.equals("info")) {
                break;
            }
            Role role = fromHost ? Role.HOST : Role.JOINER;
            if (tag.equals("turn")) {
                steps.add(new Step(role, false, f.text(), 0, false));
            } else if (tag.equals("request_choice")) {
                Matcher m = REQUEST_ID.matcher(f.text());
                if (!m.find()) {
                    throw new IOException(where + ": [request_choice] without request_id");
                }
                int id = Integer.parseInt(m.group(1));
                steps.add(new Step(role, true, f.text(), id, seenRequests.add(id)));
            }
        }
        if (level == null || !started || steps.isEmpty()) {
            throw new IOException(where + ": no level, no [start_game] from the host, or no turns after it");
        }
        return new RecordedGame(create, level, beforeJoin, joinerSetup, afterJoin, steps, hostName, joinerName);
    }

    private static String loginName(List<Capture.Frame> frames, int connection, String where) throws IOException {
        for (Capture.Frame f : frames) {
            if (f.fromClient() && f.connection() == connection && f.firstTag().equals("login")) {
                Matcher m = LOGIN.matcher(f.text());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new IOException(where + ": no [login] for connection " + connection);
    }

    /** {@code text} with the captured players' quoted names replaced by {@code host} and {@code joiner}. */
    String renamed(String text, String host, String joiner) {
        return text.replace("\"" + hostName + "\"", "\"" + host + "\"")
                .replace("\"" + joinerName + "\"", "\"" + joiner + "\"");
    }

    /**
     * Step {@code index} of iteration {@code iteration} as sent: a turn gets a root attribute
     * {@code lg_seq} (its position in the game's stream, how recipients recognise it; servers relay
     * a [turn] document whole), a choice its request id moved past all earlier iterations' ids.
     */
    String stepText(int iteration, int index) {
        Step step = steps.get(index);
        if (step.choice()) {
            int id = step.requestId() + iteration * maxRequestId;
            return step.text().replaceFirst("request_id=\\d+", "request_id=" + id);
        }
        return "lg_seq=\"" + sequence(iteration, index) + "\"\n" + step.text();
    }

    long sequence(int iteration, int index) {
        return (long) iteration * steps.size() + index;
    }

    long turnsPerIteration() {
        return steps.stream().filter(s -> !s.choice()).count();
    }
}
