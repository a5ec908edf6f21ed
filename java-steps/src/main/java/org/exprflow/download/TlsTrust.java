package org.exprflow.download;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.exprflow.core.UserException;

/**
 * TLS trust from --truststore (PKCS12 or JKS, type detected): for institutional mirrors behind a
 * private CA. It replaces, not extends, the JDK's CA list, exactly like javax.net.ssl.trustStore.
 * Hostnames are still verified.
 */
final class TlsTrust {
    private TlsTrust() {
    }

    static SSLSocketFactory socketFactory(Path truststore, String password) {
        try {
            KeyStore store = KeyStore.getInstance(truststore.toFile(), password == null ? null : password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw UserException.badFile(truststore, "cannot load the truststore: " + TransferException.oneLine(e.getMessage()));
        }
    }
}
