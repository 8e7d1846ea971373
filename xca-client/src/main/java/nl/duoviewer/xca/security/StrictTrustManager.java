package nl.duoviewer.xca.security;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's check of a server, around the JDK's PKIX trust manager: besides the chain (trust anchor, validity,
 * revocation), the connection must have negotiated TLS 1.2 or 1.3 and must verify the host name, whatever the HTTP
 * stack or the JVM's security properties would otherwise allow. A check without a connection to look at is refused.
 */
final class StrictTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;

    StrictTrustManager(X509ExtendedTrustManager pkix) {
        this.pkix = pkix;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        require(engine == null ? null : engine.getHandshakeSession(),
                engine == null ? null : engine.getSSLParameters());
        pkix.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLSocket ssl = socket instanceof SSLSocket s ? s : null;
        require(ssl == null ? null : ssl.getHandshakeSession(), ssl == null ? null : ssl.getSSLParameters());
        pkix.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("server check without a connection: the host name cannot be verified");
    }

    private static void require(SSLSession session, SSLParameters parameters) throws CertificateException {
        String protocol = session == null ? null : session.getProtocol();
        if (!ClientTls.PROTOCOLS.contains(protocol)) {
            throw new CertificateException(ClientTls.PROTOCOL_REFUSED + ": " + protocol);
        }
        if (parameters == null || !"HTTPS".equalsIgnoreCase(parameters.getEndpointIdentificationAlgorithm())) {
            throw new CertificateException("host name verification is switched off for this connection");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this is a client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
