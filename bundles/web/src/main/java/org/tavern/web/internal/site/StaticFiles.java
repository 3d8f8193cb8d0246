package org.tavern.web.internal.site;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/**
 * The web lobby's page and its modules, from this bundle's {@code static/} folder: {@code /} is
 * {@code index.html}, anything else is a file of that folder by name (no sub-folders, no {@code ..}).
 * Files are small and few, so there is no build step: they are served as written.
 */
@Component(service = jakarta.servlet.Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=tavern-static"})
public class StaticFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png",
            "image/png", "ico", "image/x-icon");
    /** Only the page's own scripts and its own socket: a line someone says can never run as script. */
    public static final String POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; frame-ancestors 'none'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo();
        String name = path == null || path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || !name.matches("[a-z0-9-]+\\.[a-z]+")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Bundle bundle = FrameworkUtil.getBundle(StaticFiles.class);
        URL file = bundle == null ? StaticFiles.class.getResource("/static/" + name) : bundle.getEntry("static/" + name);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
