package org.tavern.transport.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * A key store made from the PEM files a wesnothd owner already has ({@code tls_fullchain},
 * {@code tls_private_key}): a certificate chain and a PKCS#8 key ({@code BEGIN PRIVATE KEY}) or a
 * PKCS#1 RSA key ({@code BEGIN RSA PRIVATE KEY}). The transport serves TLS from it, and the web
 * bundle serves HTTPS from the same certificate.
 */
public final class PemKeyStore {

    /** The alias the key and its chain are stored under. */
    public static final String ALIAS = "tavern";

    private PemKeyStore() {
    }

    /** A PKCS#12 key store holding the key and its chain, protected by {@code password}. */
    public static KeyStore load(Path fullchain, Path privateKey, char[] password)
            throws IOException, GeneralSecurityException {
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        Collection<? extends Certificate> chain;
        try (var in = Files.newInputStream(fullchain)) {
            chain = certificates.generateCertificates(in);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + fullchain);
        }
        PrivateKey key = readKey(Files.readString(privateKey, StandardCharsets.US_ASCII), privateKey);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
        return store;
    }

    /** The private key of a PEM text; {@code source} names it in errors. */
    public static PrivateKey readKey(String pem, Path source) throws GeneralSecurityException {
        if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
            return pkcs8(base64Between(pem, "PRIVATE KEY"));
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            return pkcs8(wrapPkcs1Rsa(base64Between(pem, "RSA PRIVATE KEY")));
        }
        throw new GeneralSecurityException(source + ": expected a PEM 'PRIVATE KEY' (PKCS#8) or 'RSA PRIVATE KEY'"
                + " (convert others with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "DSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key", last);
    }

    private static byte[] base64Between(String pem, String label) throws GeneralSecurityException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new GeneralSecurityException("malformed PEM " + label);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, OCTET STRING). */
    private static byte[] wrapPkcs1Rsa(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = derElement(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return derElement(0x30, body);
    }

    private static byte[] derElement(int tag, byte[] content) {
        int n = content.length;
        byte[] length;
        if (n < 0x80) {
            length = new byte[] {(byte) n};
        } else if (n < 0x100) {
            length = new byte[] {(byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            length = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        } else {
            length = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }

}
