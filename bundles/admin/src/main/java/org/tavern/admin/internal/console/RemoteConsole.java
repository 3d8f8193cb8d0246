package org.tavern.admin.internal.console;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.admin.internal.SecretCommands;

/**
 * The remote console behind {@code bin/tavern console} and {@code bin/tavern exec}: Gogo commands
 * over a socket on 127.0.0.1, for whoever can read data/console.token under the server's home (the
 * user the server runs as). The protocol is described on {@link ConsoleConnection}.
 *
 * <p>A new configuration re-activates the component: open console sessions close, and a new port
 * and token are written. Player connections are not touched. Without the framework property
 * {@code tavern.home} (the bundles run outside tavern.jar) there is nowhere to publish the token,
 * so the console stays off.
 */
// named as before it moved to its own package: the component name and any default PID stay
@Component(name = "org.tavern.admin.internal.RemoteConsole", immediate = true, configurationPid = "tavern.console", service = {})
@Designate(ocd = RemoteConsoleConfig.class)
public class RemoteConsole {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConsole.class);
    private static final int TOKEN_BYTES = 32;

    private ConsoleListener listener;
    private ConsoleFiles files;

    @Activate
    public RemoteConsole(BundleContext context, RemoteConsoleConfig config, @Reference(name = "commandProcessor") CommandProcessor processor,
            @Reference SecretCommands secrets) {
        String home = context.getProperty("tavern.home");
        if (home == null || home.isBlank()) {
            LOG.info("Remote console off: no tavern.home framework property to publish its token under");
            return;
        }
        ConsoleLimits limits;
        try {
            limits = ConsoleLimits.from(config);
            if (config.port() < 0 || config.port() > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, not " + config.port());
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Remote console off: etc/tavern.console.cfg: {}", e.getMessage());
            return;
        }
        start(Path.of(home).resolve("data"), config.port(), limits, new ConsoleShell.Factory() {
            @Override
            public ConsoleShell open(java.io.PrintStream out) {
                return new GogoShell(processor, out);
            }

            @Override
            public String loggable(String line) {
                return secrets.redact(line);
            }
        });
    }

    private void start(Path dataDir, int port, ConsoleLimits limits, ConsoleShell.Factory shells) {
        String token = Tokens.random(TOKEN_BYTES);
        try {
            listener = ConsoleListener.start(port, token, limits, shells);
        } catch (IOException e) {
            LOG.error("Remote console off: cannot listen on 127.0.0.1:{}: {}", port, e.toString());
            return;
        }
        files = new ConsoleFiles(dataDir);
        try {
            files.write(listener.port(), token);
        } catch (IOException e) {
            LOG.error("Remote console off: cannot write {} and {}: {}", files.portFile(), files.tokenFile(),
                    e.toString());
            listener.close();
            listener = null;
            files.remove();
            files = null;
            return;
        }
        LOG.info("Remote console listening on 127.0.0.1:{} (token in {}, at most {} sessions)", listener.port(),
                files.tokenFile(), limits.maxSessions());
    }

    @Deactivate
    void deactivate() {
        if (listener != null) {
            listener.close();
            files.remove();
            LOG.info("Remote console closed");
        }
    }
}
