package org.tavern.web.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tavern.transport.tls.PemKeyStore;

/**
 * HTTPS from the certificate the server already has: when the transport's TLS is configured
 * ({@code tls_enabled} with {@code tls_fullchain} and {@code tls_private_key}, in server.cfg or
 * etc/tavern.transport.cfg, the same PIDs the transport reads), the HTTP port serves HTTPS instead of
 * plain HTTP. Felix HTTP wants a key store file, so the PEM files are written into one
 * ({@code data/web-tls.p12}, readable by the server's user only, a new random password each time),
 * and Felix HTTP's configuration ({@code org.apache.felix.http}) is set to use it. An owner's own
 * etc/org.apache.felix.http.cfg is left alone.
 */
@Component(immediate = true, configurationPid = {"tavern.servercfg.transport", "tavern.transport"})
public class HttpsFromCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsFromCertificate.class);
    static final String FELIX_HTTP_PID = "org.apache.felix.http";
    static final String KEY_STORE_FILE = "web-tls.p12";

    /** The transport's TLS keys (the transport owns them; this reads the same configuration). */
    public @interface TlsKeys {
        boolean tls_enabled() default false;

        String tls_fullchain() default "";

        String tls_private_key() default "";
    }

    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private String applied = "";

    @Activate
    public HttpsFromCertificate(BundleContext context, @Reference ConfigurationAdmin configurations, TlsKeys keys) {
        this.context = context;
        this.configurations = configurations;
        apply(keys);
    }

    @Modified
    void modified(TlsKeys keys) {
        apply(keys);
    }

    private synchronized void apply(TlsKeys keys) {
        String port = context.getProperty("org.osgi.service.http.port");
        boolean httpOn = !"false".equalsIgnoreCase(String.valueOf(context.getProperty("org.apache.felix.http.enable")));
        if (!keys.tls_enabled() || keys.tls_fullchain().isEmpty() || keys.tls_private_key().isEmpty() || port == null
                || !httpOn) {
            return;
        }
        String wanted = keys.tls_fullchain() + "|" + keys.tls_private_key() + "|" + port;
        if (wanted.equals(applied)) {
            return;
        }
        try {
            Configuration felix = configurations.getConfiguration(FELIX_HTTP_PID, "?");
            Dictionary<String, Object> current = felix.getProperties();
            if (current != null && current.get("felix.fileinstall.filename") != null) {
                LOG.info("HTTPS: etc/{}.cfg is the owner's; the transport's certificate is not applied to HTTP",
                        FELIX_HTTP_PID);
                return;
            }
            char[] password = randomPassword();
            KeyStore store = PemKeyStore.load(Path.of(keys.tls_fullchain()), Path.of(keys.tls_private_key()), password);
            Path file = keyStoreFile();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data folder's own permissions protect it
            }
            Dictionary<String, Object> settings = new Hashtable<>();
            settings.put("org.apache.felix.http.enable", "false");
            settings.put("org.apache.felix.https.enable", "true");
            settings.put("org.osgi.service.http.port.secure", port);
            settings.put("org.apache.felix.https.keystore", file.toString());
            settings.put("org.apache.felix.https.keystore.password", new String(password));
            settings.put("org.apache.felix.https.keystore.key.password", new String(password));
            settings.put("org.apache.felix.jakarta.websocket.enable", "true");
            felix.update(settings);
            applied = wanted;
            LOG.info("HTTPS on port {} with the certificate of {}", port, keys.tls_fullchain());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("HTTPS not set up from {} and {}: {}", keys.tls_fullchain(), keys.tls_private_key(), e.toString());
        }
    }

    private Path keyStoreFile() throws IOException {
        String home = context.getProperty("tavern.home");
        Path data = Path.of(home == null ? "." : home).resolve("data");
        Files.createDirectories(data);
        return data.resolve(KEY_STORE_FILE);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
