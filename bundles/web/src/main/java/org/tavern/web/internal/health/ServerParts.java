package org.tavern.web.internal.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tavern.api.GameInfo;
import org.tavern.api.LobbyDirectory;
import org.tavern.api.PlayerInfo;
import org.tavern.api.PluginState;
import org.tavern.api.PluginStates;
import org.tavern.identity.Accounts;
import org.tavern.transport.ConnectionHandler;
import org.tavern.transport.Transport;

/**
 * The server's parts as /health and /metrics see them: each is followed as an optional service, so
 * a part that stops shows as down instead of taking the web bundle with it. Questions to the lobby
 * and the store wait at most {@link #ANSWER_SECONDS}: a stuck part is reported, never waited on.
 */
@Component(service = ServerParts.class)
public class ServerParts {

    static final long ANSWER_SECONDS = 2;

    /** What /health answers: whether all is up, and each part's state ("up" or why not). */
    public record Health(boolean up, Map<String, String> checks) {
    }

    /** One store look-up, timed. */
    public record StorePing(boolean answered, double seconds) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Transport transport;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConnectionHandler lobby;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LobbyDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginStates plugins;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Accounts accounts;

    /** Store pings run here, one at a time and few waiting, so a hung database cannot pile up threads. */
    private final ThreadPoolExecutor storePings = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4), runnable -> {
                Thread thread = new Thread(runnable, "tavern-web-store-ping");
                thread.setDaemon(true);
                return thread;
            });

    @Deactivate
    void deactivate() {
        storePings.shutdownNow();
    }

    public Health health() {
        Map<String, String> checks = new LinkedHashMap<>();
        Transport listening = transport;
        checks.put("transport", listening == null ? "down: the transport is not running"
                : listening.port() > 0 ? "up" : "down: not listening");
        checks.put("lobby", lobby != null ? "up" : "down: no lobby is bound to the transport");
        StorePing ping = pingStore();
        checks.put("store", ping.answered() ? "up" : accounts == null ? "down: the store is not running"
                : "down: the store did not answer within " + ANSWER_SECONDS + " s");
        boolean up = checks.values().stream().allMatch("up"::equals);
        return new Health(up, checks);
    }

    /** Looks a nick up in the account store and times it. */
    public StorePing pingStore() {
        Accounts store = accounts;
        if (store == null) {
            return new StorePing(false, 0);
        }
        long start = System.nanoTime();
        try {
            CompletableFuture.supplyAsync(() -> store.find("tavern-health-check"), storePings)
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);
            return new StorePing(true, (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StorePing(false, 0);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            return new StorePing(false, 0);
        }
    }

    public Optional<Transport> transport() {
        return Optional.ofNullable(transport);
    }

    public List<PlayerInfo> players() {
        LobbyDirectory lobbyDirectory = directory;
        return lobbyDirectory == null ? List.of() : await(lobbyDirectory.players().toCompletableFuture());
    }

    public List<GameInfo> games() {
        LobbyDirectory lobbyDirectory = directory;
        return lobbyDirectory == null ? List.of() : await(lobbyDirectory.games().toCompletableFuture());
    }

    /** The lobby's counters (read at once, no actor asked); empty when no lobby runs. */
    public Optional<org.tavern.api.LobbyCounters> lobbyCounters() {
        LobbyDirectory lobbyDirectory = directory;
        return lobbyDirectory == null ? Optional.empty() : Optional.of(lobbyDirectory.counters());
    }

    public List<PluginState> plugins() {
        PluginStates states = plugins;
        return states == null ? List.of() : states.plugins();
    }

    private static <T> List<T> await(CompletableFuture<List<T>> answer) {
        try {
            return answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }
}
