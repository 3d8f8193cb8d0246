package org.tavern.admin.internal.console;

import java.io.PrintStream;

/**
 * What a console connection runs its command lines in: a Gogo session in the server, a fake in tests.
 * One shell per connection, so session variables live as long as the connection.
 */
interface ConsoleShell extends AutoCloseable {

    /** Opens a shell whose commands print to {@code out}. */
    @FunctionalInterface
    interface Factory {
        ConsoleShell open(PrintStream out);

        /** A command line as the console may log it: the secrets of the commands in it redacted. */
        default String loggable(String line) {
            return line;
        }
    }

    /**
     * Runs one command line; its output and its printed result go to the stream given at opening.
     * Throws whatever the command threw, for the connection to report.
     */
    void execute(String line) throws Exception;

    @Override
    void close();
}
