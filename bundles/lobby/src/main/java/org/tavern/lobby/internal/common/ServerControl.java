package org.tavern.lobby.internal.common;

/**
 * What the lobby may do to the server as a whole, for {@code shut_down} and {@code restart}: the
 * component supplies the real one, tests a recording one.
 */
public interface ServerControl {

    /** Closes the listener: open connections stay, new ones are refused. */
    void stopAccepting();

    /** Runs {@code task} (on any thread) after {@code delayMillis}. */
    void schedule(long delayMillis, Runnable task);

    /** Starts the configured {@code restart_command} (in the background, as wesnothd does). */
    void startNewServer(String command);

    /** Ends the process cleanly (bundles stop, then the JVM exits with status 0). */
    void exit(String reason);

    /** For a lobby without a server around it (tests): nothing happens. */
    ServerControl NONE = new ServerControl() {
        @Override
        public void stopAccepting() {
        }

        @Override
        public void schedule(long delayMillis, Runnable task) {
        }

        @Override
        public void startNewServer(String command) {
        }

        @Override
        public void exit(String reason) {
        }
    };
}
