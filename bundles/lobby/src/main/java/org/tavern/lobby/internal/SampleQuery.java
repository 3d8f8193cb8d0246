package org.tavern.lobby.internal;

/** {@code /query sample}: The request sampling frequency (changing it is for the server console). */
final class SampleQuery implements PlayerQuery {

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public Reply answer(Lobby lobby, User user, String argument) {
        return argument.isEmpty() ? Reply.info("Current sample frequency: " + lobby.sampleFrequency()) : null;
    }
}
