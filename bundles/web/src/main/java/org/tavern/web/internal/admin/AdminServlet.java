package org.tavern.web.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import org.tavern.api.AdminCommand;
import org.tavern.api.CommandIssuer;
import org.tavern.identity.Account;
import org.tavern.identity.Accounts;
import org.tavern.identity.Bans;
import org.tavern.identity.PasswordCheck;
import org.tavern.web.internal.health.ServerParts;
import org.tavern.web.internal.lobby.WebLobby;

/**
 * The admin dashboard at {@code /admin}: its page, and a small JSON API under {@code /admin/api/}
 * for the page. Only moderators (a registered nick with the moderator flag, password checked by the
 * account store) or holders of {@code data/admin.token} sign in, and only over HTTPS or from the
 * server's own machine. A session is a random cookie (HttpOnly, SameSite=Strict) that expires; every
 * state-changing request carries the session's CSRF token in a header. Actions run the server's
 * admin command services, as {@code /query} and the Gogo shell do.
 */
@Component(service = jakarta.servlet.Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/admin/*",
    "osgi.http.whiteboard.servlet.name=tavern-admin"})
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String COOKIE = "tavern_admin";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_BODY_BYTES = 8192;
    static final long COMMAND_SECONDS = 10;

    private final transient AdminSessions sessions = new AdminSessions(System::currentTimeMillis);
    private final transient Activity activity = new Activity();
    private final transient ServerParts parts;
    private final transient WebLobby web;
    private final transient AdminToken token;
    private final transient Path log;
    private final transient ScheduledExecutorService sampler;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<AdminCommand> commands;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Accounts accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Bans bans;

    @Activate
    public AdminServlet(BundleContext context, @Reference ServerParts parts, @Reference WebLobby web) throws IOException {
        this.parts = parts;
        this.web = web;
        String homeProperty = context.getProperty("tavern.home");
        Path home = Path.of(homeProperty == null ? "." : homeProperty);
        this.token = AdminToken.in(home.resolve("data"));
        this.log = home.resolve("logs").resolve("tavern.log");
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tavern-web-activity");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, Activity.STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        sampler.shutdownNow();
    }

    private void sample() {
        try {
            activity.sample(System.currentTimeMillis(), parts.players().size(), parts.games());
        } catch (RuntimeException e) {
            LOG.warn("Dashboard activity sample failed", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        switch (path) {
            case "/", "" -> page(response, "admin.html", "text/html; charset=utf-8");
            case "/admin.js" -> page(response, "admin.js", "text/javascript; charset=utf-8");
            case "/api/state" -> {
                AdminSessions.Session session = session(request);
                if (session == null) {
                    json(response, 401, JSON.createObjectNode().put("error", "sign in first"));
                    return;
                }
                ObjectNode state = DashboardState.of(parts, web, bans, activity, log, session.nick());
                state.put("csrf", session.csrf());
                json(response, 200, state);
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (!sameOrigin(request)) {
            json(response, 403, JSON.createObjectNode().put("error", "requests must come from the dashboard's own page"));
            return;
        }
        JsonNode body;
        try {
            body = readBody(request);
        } catch (IOException | RuntimeException e) {
            json(response, 400, JSON.createObjectNode().put("error", "the request must be a JSON object of at most "
                    + MAX_BODY_BYTES + " bytes"));
            return;
        }
        switch (path) {
            case "/api/login" -> login(request, response, body);
            case "/api/logout" -> {
                AdminSessions.Session session = checkedSession(request, response);
                if (session != null) {
                    sessions.close(session.id());
                    json(response, 200, JSON.createObjectNode().put("signedOut", true));
                }
            }
            case "/api/command" -> {
                AdminSessions.Session session = checkedSession(request, response);
                if (session != null) {
                    command(response, session, body.path("command").asText(""), body.path("arguments").asText(""));
                }
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response, JsonNode body) throws IOException {
        String address = request.getRemoteAddr();
        if (!request.isSecure() && !isLoopback(address)) {
            json(response, 403, JSON.createObjectNode().put("error",
                    "Sign in over HTTPS (or from the server's own machine): a password must not cross the network in clear."));
            return;
        }
        if (!sessions.mayTry(address)) {
            json(response, 429, JSON.createObjectNode().put("error", "Too many failed sign-ins; wait a minute."));
            return;
        }
        String nick = body.path("nick").asText("").trim();
        String password = body.path("password").asText("");
        String offeredToken = body.path("token").asText("");
        String who = null;
        if (!offeredToken.isEmpty()) {
            who = token.matches(offeredToken) ? "admin-token" : null;
        } else if (!nick.isEmpty() && !password.isEmpty() && password.length() <= Accounts.MAX_PASSWORD_LENGTH) {
            who = moderator(nick, password);
        }
        if (who == null) {
            sessions.failed(address);
            LOG.warn("Dashboard sign-in refused for '{}' from {}", offeredToken.isEmpty() ? nick : "(token)", address);
            json(response, 403, JSON.createObjectNode().put("error",
                    "Wrong nick, password or token, or the nick is not a moderator."));
            return;
        }
        AdminSessions.Session session = sessions.open(who);
        Cookie cookie = new Cookie(COOKIE, session.id());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath("/admin");
        cookie.setMaxAge((int) (AdminSessions.MAX_AGE_MILLIS / 1000));
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        LOG.info("Dashboard: {} signed in from {}", who, address);
        json(response, 200, JSON.createObjectNode().put("you", who).put("csrf", session.csrf()));
    }

    private String moderator(String nick, String password) {
        Accounts store = accounts;
        if (store == null) {
            return null;
        }
        try {
            if (store.verify(nick, password) != PasswordCheck.OK) {
                return null;
            }
            Optional<Account> account = store.find(nick);
            return account.isPresent() && account.get().moderator() ? account.get().nick() : null;
        } catch (RuntimeException e) {
            LOG.warn("Dashboard sign-in of {}: the account store failed", nick, e);
            return null;
        }
    }

    private void command(HttpServletResponse response, AdminSessions.Session session, String name, String arguments)
            throws IOException {
        AdminCommand command = find(name);
        CommandIssuer issuer = CommandIssuer.player(session.nick(), true);
        if (command == null || !issuer.may(command.permission())) {
            json(response, 404, JSON.createObjectNode().put("error", "No admin command '" + name + "' for you."));
            return;
        }
        LOG.info("Dashboard: {} runs '{} {}'", session.nick(), name, arguments);
        String reply;
        try {
            reply = command.execute(issuer, arguments.trim()).toCompletableFuture().get(COMMAND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = "Interrupted.";
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            reply = "The command did not answer within " + COMMAND_SECONDS + " s.";
        }
        json(response, 200, JSON.createObjectNode().put("reply", reply));
    }

    private AdminCommand find(String name) {
        List<AdminCommand> known = commands;
        if (known == null || name.isEmpty()) {
            return null;
        }
        for (AdminCommand command : known) {
            if (command.name().equals(name) || command.aliases().contains(name)) {
                return command;
            }
        }
        return null;
    }

    private AdminSessions.Session session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return sessions.find(cookie.getValue());
            }
        }
        return null;
    }

    /** The session, if the request also carries its CSRF token; otherwise answers 401/403 and gives null. */
    private AdminSessions.Session checkedSession(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        AdminSessions.Session session = session(request);
        if (session == null) {
            json(response, 401, JSON.createObjectNode().put("error", "Your session has ended; sign in again."));
            return null;
        }
        String csrf = request.getHeader(CSRF_HEADER);
        if (csrf == null || !java.security.MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8))) {
            json(response, 403, JSON.createObjectNode().put("error", "missing or wrong " + CSRF_HEADER));
            return null;
        }
        return session;
    }

    /** A browser sends Origin with every POST; one from another site is refused. */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("too large");
            }
            JsonNode body = JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw new IOException("not an object");
            }
            return body;
        }
    }

    private void page(HttpServletResponse response, String name, String type) throws IOException {
        var entry = org.osgi.framework.FrameworkUtil.getBundle(AdminServlet.class).getEntry("static/" + name);
        if (entry == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Content-Security-Policy", org.tavern.web.internal.site.StaticFiles.POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        try (InputStream in = entry.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
