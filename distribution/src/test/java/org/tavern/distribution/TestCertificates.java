package org.tavern.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and a server certificate it signed for one host name, made with
 * the openssl command (as an owner would), so that a real client that verifies certificates and host
 * names can be told to trust the authority ({@code SSL_CERT_FILE}) and nothing else changes.
 *
 * @param authority the authority's certificate (PEM): what the client trusts
 * @param fullChain the server's certificate followed by the authority's: wesnothd's {@code tls_fullchain}
 * @param privateKey the server's key: wesnothd's {@code tls_private_key}
 */
record TestCertificates(Path authority, Path fullChain, Path privateKey) {

    static TestCertificates forHost(Path directory, String host) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path caKey = directory.resolve("ca.key");
        Path ca = directory.resolve("ca.pem");
        Path key = directory.resolve("server.key");
        Path request = directory.resolve("server.csr");
        Path certificate = directory.resolve("server.pem");
        Path extensions = directory.resolve("server.ext");
        Files.writeString(extensions, "subjectAltName=DNS:" + host + "\nbasicConstraints=CA:FALSE\n"
                + "extendedKeyUsage=serverAuth\n");
        openssl(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(),
                "-out", ca.toString(), "-days", "2", "-subj", "/CN=Tavern test authority");
        openssl(directory, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                request.toString(), "-subj", "/CN=" + host);
        openssl(directory, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey",
                caKey.toString(), "-CAcreateserial", "-out", certificate.toString(), "-days", "2", "-extfile",
                extensions.toString());
        Path chain = directory.resolve("fullchain.pem");
        Files.writeString(chain, Files.readString(certificate) + Files.readString(ca));
        return new TestCertificates(ca, chain, key);
    }

    private static void openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl " + arguments[0] + " did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed:\n" + output);
        }
    }
}
