package org.tavern.admin.internal.console;

import java.io.InputStream;
import java.io.PrintStream;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * A Gogo session behind a console connection. Its keyboard is empty: the socket carries command lines,
 * never input for a command (a command that reads stdin sees end of file instead of eating the next
 * command). Results are printed as the Gogo shell prints them.
 */
final class GogoShell implements ConsoleShell {

    private final CommandSession session;
    private final PrintStream out;

    GogoShell(CommandProcessor processor, PrintStream out) {
        this.out = out;
        this.session = processor.createSession(InputStream.nullInputStream(), out, out);
    }

    @Override
    public void execute(String line) throws Exception {
        Object result = session.execute(line);
        if (result != null) {
            out.println(session.format(result, Converter.INSPECT));
        }
        out.flush();
    }

    @Override
    public void close() {
        session.close();
    }
}
