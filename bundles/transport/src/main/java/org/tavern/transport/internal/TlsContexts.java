package org.tavern.transport.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.tavern.transport.tls.PemKeyStore;

/**
 * Builds a server {@link SSLContext} from the PEM files a wesnothd owner already has
 * ({@code tls_fullchain}, {@code tls_private_key}), read by {@link PemKeyStore}.
 */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext fromPem(Path fullchain, Path privateKey) throws IOException, GeneralSecurityException {
        char[] password = new char[0];
        KeyStore store = PemKeyStore.load(fullchain, privateKey, password);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }
}
