package org.tavern.web.internal.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tavern.api.GameInfo;

/**
 * What the dashboard plots: every {@link #STEP_MILLIS}, the players online and the game turns played
 * since the step before (each game's turn counter going up), for the last {@link #KEEP} steps (six
 * hours). Only the sampler's thread writes; readers get a copy.
 */
final class Activity {

    static final long STEP_MILLIS = 30_000;
    static final int KEEP = 720;

    record Point(long at, int players, int turns) {
    }

    private final ArrayDeque<Point> points = new ArrayDeque<>();
    private Map<Integer, Integer> lastTurns = new HashMap<>();

    synchronized void sample(long now, int playersOnline, List<GameInfo> games) {
        Map<Integer, Integer> turns = new HashMap<>();
        int played = 0;
        for (GameInfo game : games) {
            turns.put(game.id(), game.turn());
            played += Math.max(0, game.turn() - lastTurns.getOrDefault(game.id(), game.started() ? 1 : 0));
        }
        lastTurns = turns;
        points.addLast(new Point(now, playersOnline, played));
        while (points.size() > KEEP) {
            points.removeFirst();
        }
    }

    synchronized List<Point> points() {
        return new ArrayList<>(points);
    }
}
