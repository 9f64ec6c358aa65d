package dev.tradingsdk.brokers.ibkr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Trust for the Client Portal gateway's self-signed certificate: exactly the one certificate given (pinned), no
 * other, and no system CAs. Used only when the builder is told to; otherwise the JVM's default trust applies and a
 * self-signed gateway is refused.
 */
final class GatewayTls {

    private GatewayTls() {
    }

    static OkHttpClient.Builder pinned(OkHttpClient.Builder builder, Path pemFile) {
        X509Certificate pinned;
        try (InputStream in = Files.newInputStream(pemFile)) {
            pinned = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("trustedCertificate " + pemFile + " is not a readable X.509 PEM "
                    + "certificate: " + e.getMessage(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ibkr-gateway", pinned);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager trust = null;
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    trust = x;
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            // The gateway's certificate names whatever host it was made on; the pin already says which server this
            // is, so the host name check compares the presented certificate with the pinned one instead.
            return builder.sslSocketFactory(context.getSocketFactory(), trust).hostnameVerifier((host, session) -> {
                try {
                    Certificate[] chain = session.getPeerCertificates();
                    return chain.length > 0 && chain[0].equals(pinned);
                } catch (SSLPeerUnverifiedException e) {
                    return false;
                }
            });
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust for " + pemFile + ": " + e.getMessage(), e);
        }
    }
}
