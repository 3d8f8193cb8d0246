package org.tavern.lobby.internal.lobby;

import java.util.Map;
import java.util.TreeMap;

/** The lobby's counters, for {@code metrics}, {@code games}, {@code requests} and {@code sample} (lobby actor). */
public final class LobbyStatistics {

    private long startMillis;
    private long requestsServiced;
    /** How many games ended for each reason, sorted by reason as wesnothd lists them. */
    private final Map<String, Integer> endings = new TreeMap<>();
    /** wesnothd's request sampling frequency ({@code sample <n>}); Tavern keeps no samples. */
    private int sampleFrequency = 1;

    LobbyStatistics(long startMillis) {
        this.startMillis = startMillis;
    }

    public long startMillis() {
        return startMillis;
    }

    public long requestsServiced() {
        return requestsServiced;
    }

    void countRequest() {
        requestsServiced++;
    }

    void countEnding(String reason) {
        endings.merge(reason, 1, Integer::sum);
    }

    /** How many games ended for each reason. */
    public Map<String, Integer> endings() {
        return new TreeMap<>(endings);
    }

    /** The counters of the lobby this one takes over from (a live upgrade): its uptime goes on. */
    void restore(long restoredStartMillis, long restoredRequests, int restoredSampleFrequency,
            Map<String, Integer> restoredEndings) {
        startMillis = restoredStartMillis;
        requestsServiced = restoredRequests;
        sampleFrequency = restoredSampleFrequency;
        endings.clear();
        endings.putAll(restoredEndings);
    }

    public int sampleFrequency() {
        return sampleFrequency;
    }

    public void setSampleFrequency(int frequency) {
        sampleFrequency = frequency;
    }

    /** The {@code games} query's text: how games ended since start. */
    public String gameEndSummary() {
        if (endings.isEmpty()) {
            return "No game ended so far.";
        }
        StringBuilder summary = new StringBuilder("Games have been terminated in the following ways:");
        int total = 0;
        for (Map.Entry<String, Integer> ending : endings.entrySet()) {
            summary.append('\n').append(ending.getKey()).append(": ").append(ending.getValue());
            total += ending.getValue();
        }
        return summary.append("\nTotal number of games = ").append(total).toString();
    }
}
