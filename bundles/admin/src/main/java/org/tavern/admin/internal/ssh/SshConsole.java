package org.tavern.admin.internal.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.jline.builtins.ssh.ShellFactoryImpl;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.admin.internal.SecretCommands;
import org.tavern.identity.Accounts;

/**
 * The SSH console: Apache SSHD serving the server's Gogo shell (line editing, completion, history
 * for the session) and single commands ({@code ssh -p 8101 admin@host tavern:version}), as Apache
 * Karaf does. Keys listed in etc/authorized_keys log in under any user name; a password logs in
 * when the user name is a moderator's account in the identity store. The host key is made once, in
 * data/ssh_host_key. Every command run is logged with its secrets redacted ({@link SshAudit}).
 *
 * <p>A new configuration (etc/tavern.ssh.cfg) re-activates the component: open SSH sessions close.
 * Without Gogo's JLine shell (and so without SSHD, JLine: the admin bundle imports them optionally,
 * for runtimes without a console) the component is not satisfied and never loaded.
 */
@Component(immediate = true, configurationPid = "tavern.ssh", service = {})
@Designate(ocd = SshConsoleConfig.class)
public class SshConsole {

    static final String HOST_KEY_FILE = "ssh_host_key";
    static final String AUTHORIZED_KEYS_FILE = "authorized_keys";
    private static final Logger LOG = LoggerFactory.getLogger(SshConsole.class);

    private final AtomicInteger openSessions = new AtomicInteger();
    private volatile Accounts accounts;
    private SshServer server;

    @Activate
    public SshConsole(BundleContext context, SshConsoleConfig config,
            @Reference(name = "commandProcessor") CommandProcessor processor, @Reference SecretCommands secrets,
            @Reference Shell gosh) {
        String home = context.getProperty("tavern.home");
        if (config.port() == 0) {
            LOG.info("SSH console off (port 0 in etc/tavern.ssh.cfg)");
            return;
        }
        if (home == null || home.isBlank()) {
            LOG.info("SSH console off: no tavern.home framework property to keep its host key under");
            return;
        }
        if (config.port() < 0 || config.port() > 65535 || config.max_sessions() < 1 || config.max_auth_attempts() < 1
                || config.idle_timeout_seconds() < 1 || config.auth_timeout_seconds() < 1
                || config.failed_login_limit() < 1 || config.failed_login_ban_seconds() < 1) {
            LOG.error("SSH console off: etc/tavern.ssh.cfg: port must be 0 to 65535 and every other value positive");
            return;
        }
        try {
            server = start(Path.of(home), config, processor, secrets, gosh);
            LOG.info("SSH console listening on {}:{} (keys in {}, passwords of moderator accounts; at most {} sessions)",
                    config.bind_address(), server.getPort(), Path.of(home, "etc", AUTHORIZED_KEYS_FILE),
                    config.max_sessions());
        } catch (IOException | RuntimeException e) {
            LOG.error("SSH console off: cannot listen on {}:{}: {}", config.bind_address(), config.port(), e.toString());
            server = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    void unsetAccounts(Accounts gone) {
        if (accounts == gone) {
            accounts = null;
        }
    }

    private SshServer start(Path home, SshConsoleConfig config, CommandProcessor processor, SecretCommands secrets,
            Shell gosh) throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        SshServer ssh = SshServer.setUpDefaultServer();
        ssh.setHost(config.bind_address());
        ssh.setPort(config.port());
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(data.resolve(HOST_KEY_FILE));
        hostKey.setAlgorithm("EC");
        ssh.setKeyPairProvider(hostKey);
        ssh.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(home.resolve("etc").resolve(AUTHORIZED_KEYS_FILE)));
        FailedLogins failures = new FailedLogins(config.failed_login_limit(),
                Duration.ofSeconds(config.failed_login_ban_seconds()).toMillis(), Clock.systemUTC());
        ssh.setPasswordAuthenticator(new ModeratorPasswords(() -> accounts, failures));
        ssh.setShellFactory(new ShellFactoryImpl(new SshShell(processor, gosh)::run));
        ssh.setCommandFactory((channel, command) -> new SshExecCommand(processor, secrets, command));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(ssh, config.max_auth_attempts());
        CoreModuleProperties.AUTH_TIMEOUT.set(ssh, Duration.ofSeconds(config.auth_timeout_seconds()));
        CoreModuleProperties.IDLE_TIMEOUT.set(ssh, Duration.ofSeconds(config.idle_timeout_seconds()));
        CoreModuleProperties.SERVER_IDENTIFICATION.set(ssh, "Tavern");
        ssh.addSessionListener(new SessionBound(config.max_sessions()));
        ssh.start();
        return ssh;
    }

    /** Closes a connection beyond {@code max} at once; logs each session's end. */
    private final class SessionBound implements SessionListener {
        private final int max;

        SessionBound(int max) {
            this.max = max;
        }

        @Override
        public void sessionCreated(Session session) {
            if (openSessions.incrementAndGet() > max) {
                LOG.warn("SSH connection from {} refused: {} sessions already open", session.getRemoteAddress(), max);
                session.close(true);
            }
        }

        @Override
        public void sessionEvent(Session session, Event event) {
            if (event == Event.Authenticated) {
                LOG.info("SSH session of {} from {} opened", session.getUsername(), session.getRemoteAddress());
            }
        }

        @Override
        public void sessionClosed(Session session) {
            openSessions.decrementAndGet();
            if (session.isAuthenticated()) {
                LOG.info("SSH session of {} from {} closed", session.getUsername(), session.getRemoteAddress());
            }
        }
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                LOG.warn("SSH console did not stop cleanly: {}", e.toString());
            }
            LOG.info("SSH console closed");
        }
    }
}
