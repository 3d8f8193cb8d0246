package org.tavern.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The server with its HTTP face in Felix, as in tavern.jar: Felix HTTP (Jetty 12, Jakarta WebSocket)
 * and tavern.web beside the other bundles; every bundle starts and /health and /metrics answer.
 * Felix HTTP needs slf4j 2, so this set-up brings pax-logging 2.3 (the server's) instead of Pax
 * Exam's own logging.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebBundlesIT {

    /** Felix HTTP and what its WebSocket support needs, SPI Fly first (Jetty's service loaders need it). */
    static final String[] WEB_BUNDLES = {
        "org.apache.aries.spifly.dynamic.bundle", "asm", "asm-commons", "asm-tree", "asm-analysis", "asm-util",
        "pax-logging-api", "pax-logging-log4j2", "org.apache.felix.http.servlet-api", "commons-io",
        "commons-fileupload", "jakarta.websocket-api", "jakarta.websocket-client-api",
        "org.apache.felix.http.jetty12-with-jakarta-websockets", "jetty-alpn-client", "jetty-client", "jetty-xml",
        "jetty-ee", "jetty-ee10-webapp", "jetty-ee10-websocket-servlet", "jackson-annotations", "jackson-core",
        "jackson-databind", "tavern.web",
    };

    /**
     * Chosen when the configuration is made and passed to the test (which runs in the same JVM but
     * is loaded again inside the framework) as a system property.
     */
    static final String PORT_PROPERTY = "tavern.web.it.port";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        List<String> bundles = new ArrayList<>(Arrays.asList(WEB_BUNDLES));
        bundles.addAll(Arrays.asList(TavernBundlesIT.RUNTIME_BUNDLES));
        List<Option> options = new ArrayList<>(Arrays.asList(TavernBundlesIT.withBundles(bundles.toArray(new String[0]))));
        options.add(systemProperty("pax.exam.logging").value("none"));
        options.add(frameworkProperty("org.apache.felix.jakarta.websocket.enable").value("true"));
        int port;
        try {
            port = ServerProcess.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        options.add(frameworkProperty("org.osgi.service.http.port").value(Integer.toString(port)));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void theWebBundlesStartAndHealthAndMetricsAnswer() throws Exception {
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name.startsWith("tavern.") || name.startsWith("org.apache.felix.http") || name.startsWith("org.eclipse.jetty")) {
                assertEquals(name + " state", Bundle.ACTIVE, bundle.getState());
            }
        }
        String health = awaitGet("/health", 200);
        assertTrue(health, health.contains("\"status\":\"up\""));
        String metrics = awaitGet("/metrics", 200);
        assertTrue(metrics, metrics.contains("tavern_connections{kind=\"web\",state=\"open\"} 0"));
        assertTrue(metrics, metrics.contains("jvm_memory_used_bytes"));
    }

    /** Polls until the path answers {@code status} (the whiteboard registers servlets as they come). */
    private static String awaitGet(String path, int status) throws Exception {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < end) {
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) new URL("http://127.0.0.1:" + Integer.getInteger(PORT_PROPERTY) + path).openConnection();
                connection.setConnectTimeout(2000);
                connection.setReadTimeout(5000);
                int code = connection.getResponseCode();
                var in = code < 400 ? connection.getInputStream() : connection.getErrorStream();
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (code == status) {
                    return body;
                }
                last = code + " " + body;
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer " + status + ": " + last);
    }
}
