package org.tavern.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.admin.internal.console.BoundedLineReader;
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;

/**
 * wesnothd's command fifo, for owners' scripts ({@code echo "kick pest" > /var/run/wesnothd/socket}):
 * a named pipe at {@code fifo_path}, created (mode 0660) if missing; each line runs the named admin
 * command as the console ({@code *socket*}, or {@code +<name>+} for a line {@code +<name>: <command>},
 * as wesnothd), and the answer goes to the log. Lines are bounded; a bad line is logged and skipped.
 */
@Component(configurationPid = {"tavern.servercfg.admin", "tavern.admin"}, immediate = true)
public class CommandFifo {

    private static final Logger LOG = LoggerFactory.getLogger(CommandFifo.class);
    static final int MAX_LINE_BYTES = 8192;

    private final List<AdminCommand> commands = new CopyOnWriteArrayList<>();
    private final Path fifo;
    private final Thread reader;
    private volatile boolean running = true;

    @Activate
    public CommandFifo(BundleContext context, FifoConfig config) {
        String configured = config.fifo_path().trim();
        String home = context.getProperty("tavern.home");
        fifo = configured.isEmpty() ? null
                : Path.of(home != null ? home : ".").resolve(configured).toAbsolutePath().normalize();
        reader = fifo == null ? null : new Thread(this::readForever, "tavern-fifo");
        if (reader != null && prepare()) {
            reader.setDaemon(true);
            reader.start();
            LOG.info("Opened fifo at '{}'. Server commands may be written to this file.", fifo);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCommand(AdminCommand command) {
        commands.add(command);
    }

    void removeCommand(AdminCommand command) {
        commands.remove(command);
    }

    /** The fifo exists (made here if missing) and is a fifo. */
    private boolean prepare() {
        try {
            if (!Files.exists(fifo)) {
                Files.createDirectories(fifo.getParent());
                Process mkfifo = new ProcessBuilder("mkfifo", "-m", "0660", fifo.toString()).redirectErrorStream(true)
                        .start();
                String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                    LOG.error("Could not create the fifo {}: {}", fifo, output);
                    return false;
                }
            }
            if (!isFifo(fifo)) {
                LOG.error("{} exists and is not a fifo; admin commands will not be read from it", fifo);
                return false;
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.error("Could not prepare the fifo {}", fifo, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isFifo(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode");
        return (mode & 0170000) == 0010000; // S_IFIFO
    }

    /** Opening a fifo blocks until a writer comes; each writer's lines are read to its end, then again. */
    private void readForever() {
        while (running) {
            try (java.io.InputStream stream = new java.io.BufferedInputStream(Files.newInputStream(fifo))) {
                BoundedLineReader in = new BoundedLineReader(stream, MAX_LINE_BYTES);
                String line;
                while (running && (line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        run(line.trim());
                    }
                }
            } catch (BoundedLineReader.LineTooLongException e) {
                LOG.warn("A fifo line longer than {} bytes was dropped with the rest of its writer's input", MAX_LINE_BYTES);
            } catch (IOException e) {
                if (running) {
                    LOG.error("Reading the fifo {} failed; reopening it", fifo, e);
                    pause();
                }
            } catch (RuntimeException e) {
                LOG.error("A fifo command failed", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000); // a fifo that fails at once must not spin a core
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line: {@code <command> [args]} or {@code +<name>: <command> [args]}. */
    void run(String line) {
        CommandIssuer issuer = CommandIssuer.fromConsole();
        String text = line;
        if (text.startsWith("+") && text.indexOf(':') > 1) {
            int colon = text.indexOf(':');
            issuer = new CommandIssuer("+" + text.substring(1, colon).trim() + "+", true, true);
            text = text.substring(colon + 1).trim();
        }
        int space = text.indexOf(' ');
        String word = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String arguments = space < 0 ? "" : text.substring(space + 1).trim();
        AdminCommand command = find(word);
        if (command == null) {
            LOG.info("Admin Command: type: {}", word);
            LOG.info("Command '{}' is not recognized.", word);
            return;
        }
        LOG.info("Admin Command: type: {}", arguments.isEmpty() ? word : word + " " + command.loggableArguments(arguments));
        try {
            String answer = command.execute(issuer, arguments).toCompletableFuture()
                    .get(GogoAdminCommand.ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("{}", answer);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("Fifo command '{}' did not answer within {} s", word, GogoAdminCommand.ANSWER_TIMEOUT_SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("Fifo command '{}' failed", word, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AdminCommand find(String word) {
        for (AdminCommand command : commands) {
            if (command.name().equals(word) || command.aliases().contains(word)) {
                return command;
            }
        }
        return null;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        if (reader != null && reader.isAlive()) {
            // The reader blocks in open() or read() until a writer comes: be that writer and close at once.
            // Read-write, because opening a fifo so never blocks (write-only would, with no reader left).
            try (java.io.RandomAccessFile unblock = new java.io.RandomAccessFile(fifo.toFile(), "rw")) {
                LOG.debug("Waking the fifo reader of {}", fifo);
            } catch (IOException e) {
                LOG.debug("Could not wake the fifo reader", e);
            }
            reader.join(5000);
        }
    }
}
