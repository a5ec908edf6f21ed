package org.exprflow.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed key pair for 127.0.0.1/localhost made at test time with the JDK's keytool, and a
 * truststore holding its certificate, so HTTPS is tested with real certificate and hostname checks.
 */
final class TestCertificates {
    static final String PASSWORD = "test-pass";

    final Path keystore;
    final Path truststore;

    private TestCertificates(Path keystore, Path truststore) {
        this.keystore = keystore;
        this.truststore = truststore;
    }

    static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.pem");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "server", "-rfc", "-file", cert.toString(),
                "-keystore", keystore.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        assertTrue(Files.size(truststore) > 0);
        return new TestCertificates(keystore, truststore);
    }

    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes());
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "keytool did not finish: " + command);
        assertEquals(0, p.exitValue(), "keytool failed: " + output);
    }
}
