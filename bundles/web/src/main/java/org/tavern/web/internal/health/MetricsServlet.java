package org.tavern.web.internal.health;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /metrics}: the server's figures in the Prometheus text format, written by the
 * Prometheus Java client from a registry of this bundle's own (JVM memory, GC and threads from its
 * JVM collectors). Each scrape first takes one {@link Figures} snapshot of the server, so every
 * figure of a scrape comes from the same moment and the lobby is asked once.
 */
@Component(service = jakarta.servlet.Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/metrics",
    "osgi.http.whiteboard.servlet.name=tavern-metrics"})
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PrometheusRegistry registry = new PrometheusRegistry();
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final transient Figures.Source source;
    private transient volatile Figures figures = Figures.NONE;

    @Activate
    public MetricsServlet(@Reference ServerParts parts, @Reference LoginCounter logins,
            @Reference org.tavern.web.internal.lobby.WebLobby web) {
        this.source = new Figures.Source(parts, logins, web);
        register();
        JvmMetrics.builder().register(registry);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var snapshots = scrape();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        writer.write(response.getOutputStream(), snapshots);
    }

    /** One scrape at a time: the figures it reads are those just taken. */
    private synchronized io.prometheus.metrics.model.snapshots.MetricSnapshots scrape() {
        figures = source.take();
        return registry.scrape();
    }

    private void register() {
        GaugeWithCallback.builder().name("tavern_connections").help("Open connections by kind and login state")
                .labelNames("kind", "state").callback(out -> {
                    Figures f = figures;
                    out.call(f.gameOpen(), "game", "open");
                    out.call(f.gameLoggedIn(), "game", "logged_in");
                    out.call(Math.max(0, f.gameOpen() - f.gameLoggedIn()), "game", "pre_login");
                    out.call(f.webOpen(), "web", "open");
                    out.call(f.webLoggedIn(), "web", "logged_in");
                    out.call(Math.max(0, f.webOpen() - f.webLoggedIn()), "web", "pre_login");
                }).register(registry);
        GaugeWithCallback.builder().name("tavern_players_online").help("Players logged in to the lobby")
                .callback(out -> out.call(figures.playersOnline())).register(registry);
        CounterWithCallback.builder().name("tavern_logins").help("Logins accepted since start")
                .callback(out -> out.call(figures.logins())).register(registry);
        CounterWithCallback.builder().name("tavern_logins_refused")
                .help("Login attempts refused, by the error code they were answered with (game clients and web sessions)")
                .labelNames("code").callback(out -> figures.lobby().loginsRefused().forEach((code, n) -> out.call(n, code)))
                .register(registry);
        CounterWithCallback.builder().name("tavern_web_refusals")
                .help("Errors with a wesnothd error code sent to web sessions (refused logins), by code")
                .labelNames("code").callback(out -> figures.webRefusals().forEach((code, n) -> out.call(n, code)))
                .register(registry);
        GaugeWithCallback.builder().name("tavern_games").help("Games by state").labelNames("state")
                .callback(out -> {
                    out.call(figures.gamesRunning(), "running");
                    out.call(figures.gamesWaiting(), "waiting");
                }).register(registry);
        CounterWithCallback.builder().name("tavern_games_created").help("Games created since start")
                .callback(out -> out.call(figures.gamesCreated())).register(registry);
        GaugeWithCallback.builder().name("tavern_game_turns").help("Sum of the current turns of the running games")
                .callback(out -> out.call(figures.turnsOfRunningGames())).register(registry);
        CounterWithCallback.builder().name("tavern_turns_relayed")
                .help("[turn]s players sent in games that were passed on to the other members")
                .callback(out -> out.call(figures.lobby().turnsRelayed())).register(registry);
        CounterWithCallback.builder().name("tavern_relayed_bytes")
                .help("Bytes of relayed [turn]s handed to the transport: each frame's size once per member it went to")
                .callback(out -> out.call(figures.lobby().relayedBytes())).register(registry);
        CounterWithCallback.builder().name("tavern_slow_clients_dropped")
                .help("Clients cut for not reading, by kind and the bound their output queue passed")
                .labelNames("kind", "bound").callback(out -> {
                    var drops = figures.slowClientDrops();
                    out.call(drops.queuedBytes(), "game", "queued_bytes");
                    out.call(drops.queueAge(), "game", "queue_age");
                    out.call(drops.memoryBudget(), "game", "memory_budget");
                    out.call(figures.webSlowClientsDropped(), "web", "queued_bytes");
                }).register(registry);
        CounterWithCallback.builder().name("tavern_transport_bytes").help("Bytes read and written by each shard")
                .labelNames("shard", "direction").callback(out -> figures.shards().forEach(s -> {
                    out.call(s.bytesRead(), Integer.toString(s.shard()), "read");
                    out.call(s.bytesWritten(), Integer.toString(s.shard()), "written");
                })).register(registry);
        CounterWithCallback.builder().name("tavern_transport_frames").help("Frames read and written by each shard")
                .labelNames("shard", "direction").callback(out -> figures.shards().forEach(s -> {
                    out.call(s.framesRead(), Integer.toString(s.shard()), "read");
                    out.call(s.framesWritten(), Integer.toString(s.shard()), "written");
                })).register(registry);
        GaugeWithCallback.builder().name("tavern_transport_queued_bytes")
                .help("Bytes queued for writing and not yet written, by shard").labelNames("shard")
                .callback(out -> figures.shards().forEach(s -> out.call(s.queuedBytes(), Integer.toString(s.shard()))))
                .register(registry);
        GaugeWithCallback.builder().name("tavern_transport_in_flight_bytes")
                .help("Bytes the transport holds in flight now, against its memory budget (docs/admin-guide.md)")
                .labelNames("kind").callback(out -> {
                    var budget = figures.budget();
                    if (budget != null) {
                        out.call(budget.receivingBytes(), "receiving");
                        out.call(budget.inflatingBytes(), "inflating");
                        out.call(budget.queuedBytes(), "queued");
                        out.call(budget.budgetBytes(), "budget");
                    }
                }).register(registry);
        CounterWithCallback.builder().name("tavern_plugin_calls").help("Calls of each plugin service")
                .labelNames("plugin", "role").callback(out -> figures.plugins().forEach(p -> out.call(p.calls(),
                        p.name(), p.role()))).register(registry);
        CounterWithCallback.builder().name("tavern_plugin_failures")
                .help("Calls of each plugin service that threw, overran their budget or answered null")
                .labelNames("plugin", "role").callback(out -> figures.plugins().forEach(p -> out.call(p.failures(),
                        p.name(), p.role()))).register(registry);
        GaugeWithCallback.builder().name("tavern_plugin_switched_off").help("1 when a plugin failed too often and is no longer called")
                .labelNames("plugin", "role").callback(out -> figures.plugins().forEach(p -> out.call(
                        p.switchedOff() ? 1 : 0, p.name(), p.role()))).register(registry);
        GaugeWithCallback.builder().name("tavern_store_up").help("1 when the store answered a look-up within 2 s")
                .callback(out -> out.call(figures.store().answered() ? 1 : 0)).register(registry);
        GaugeWithCallback.builder().name("tavern_store_lookup_seconds").help("How long the store took to answer one account look-up during this scrape")
                .callback(out -> out.call(figures.store().seconds())).register(registry);
    }
}
