package org.tavern.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the server's certificate configured for the transport (server.cfg's tls_* keys), the HTTP
 * port serves HTTPS from the same PEM files and no plain HTTP; a registered nick logs in to the web
 * lobby with its password over wss.
 */
class WebHttpsIT {

    @TempDir
    Path temp;

    @Test
    void theHttpPortServesHttpsWithTheTransportsCertificate() throws Exception {
        TestCertificates certificates = TestCertificates.forHost(temp.resolve("tls"), "localhost");
        Path config = temp.resolve("server.cfg");
        Files.writeString(config, "tls_enabled=yes\ntls_fullchain=\"" + certificates.fullChain() + "\"\n"
                + "tls_private_key=\"" + certificates.privateKey() + "\"\n");
        int httpPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(temp.resolve("server"), true, "-p", "0", "-c",
                config.toString(), "--http-port", Integer.toString(httpPort))) {
            server.awaitStarted();
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(certificates.authority()))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI health = URI.create("https://localhost:" + httpPort + "/health");
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            HttpResponse<String> answer = null;
            // Felix HTTP restarts Jetty when it is switched to HTTPS, after the started line; until the
            // whiteboard has registered the servlets again, /health is a 404.
            while (answer == null || answer.statusCode() == 404 && System.nanoTime() < end) {
                if (answer != null) {
                    Thread.sleep(200);
                }
                try {
                    answer = https.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    if (System.nanoTime() > end) {
                        throw new AssertionError("no HTTPS on " + httpPort + ": " + notYet + "\n" + server.consoleText());
                    }
                    Thread.sleep(200);
                }
            }
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"status\":\"up\""), answer.body());
            assertTrue(server.consoleText().contains("HTTPS on port " + httpPort), "the log says so");
            assertThrows(java.io.IOException.class, () -> WebLobbyIT.get(httpPort, "/health"), "no plain HTTP");

            assertTrue(server.shellOutput("tavern:register secure - s3cret-Passw0rd").contains("Registered secure"));
            try (WebLobbyClient web = WebLobbyClient.connect(https, URI.create("wss://localhost:" + httpPort + "/ws"))) {
                web.await(m -> WebLobbyClient.name(m).equals("mustlogin"), "mustlogin");
                web.sendText("[\"login\", [\"secure\"], {\"password\": \"s3cret-Passw0rd\"}]");
                web.await(m -> WebLobbyClient.name(m).equals("join_lobby"), "the login with a password over wss");
            }
        }
    }

    private static SSLContext trusting(Path authority) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(authority)) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
