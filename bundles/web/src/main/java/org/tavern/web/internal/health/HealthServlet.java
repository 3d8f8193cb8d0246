package org.tavern.web.internal.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /health}: 200 and a JSON body when the transport listens, the lobby is bound and the
 * store answers; 503 with the same body, saying which part is down, otherwise.
 */
@Component(service = jakarta.servlet.Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/health",
    "osgi.http.whiteboard.servlet.name=tavern-health"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private transient ServerParts parts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServerParts.Health health = parts.health();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", health.up() ? "up" : "down");
        ObjectNode checks = body.putObject("checks");
        health.checks().forEach((part, state) -> checks.put(part, state));
        response.setStatus(health.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
