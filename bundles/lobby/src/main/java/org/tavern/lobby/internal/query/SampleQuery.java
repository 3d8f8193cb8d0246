package org.tavern.lobby.internal.query;

import org.tavern.lobby.internal.lobby.QueryContext;
import org.tavern.lobby.internal.lobby.User;

/** {@code /query sample}: The request sampling frequency (changing it is for the server console). */
public final class SampleQuery implements PlayerQuery {

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public Reply answer(QueryContext lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info("Current sample frequency: " + lobby.statistics().sampleFrequency()) : null;
    }
}
