package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query metrics}: Uptime and the number of requests the lobby has handled. Tavern's lobby handles every request as it arrives, so all count as serviced immediately. */
public final class MetricsQuery implements PlayerQuery {

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        if (!argument.isEmpty()) {
            return null;
        }
        long up = (lobby.nowMillis() - lobby.statistics().startMillis()) / 1000;
        long requests = lobby.statistics().requestsServiced();
        return Reply.info("METRICS\nUp " + up / 86_400 + " days, " + up % 86_400 / 3600 + " hours, " + up % 3600 / 60
                + " minutes, " + up % 60 + " seconds\n" + requests + " requests serviced. " + requests + " ("
                + (requests == 0 ? 0 : 100) + "%) requests were serviced immediately.\nlongest burst of requests was: 0");
    }
}
