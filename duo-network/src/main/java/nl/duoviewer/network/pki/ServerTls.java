package nl.duoviewer.network.pki;

import java.util.List;

import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;

import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;

import nl.duoviewer.xca.security.ClientTls;

/**
 * The TLS every server of the embedded network speaks, as a DUO gateway or Mitz would: a server certificate from the
 * network's PKI, a client certificate from the demo CA required (no certificate, no handshake), TLS 1.2 and 1.3 only.
 * One setup for the CXF/Jetty gateways and for the JDK HttpsServer of Mitz and WADO-RS.
 */
public final class ServerTls {

    private final TestPki pki;
    private final TestPki.ServerCertificate certificate;

    public ServerTls(TestPki pki, TestPki.ServerCertificate certificate) {
        this.pki = pki;
        this.certificate = certificate;
    }

    /** For a CXF Jetty engine ({@code JettyHTTPServerEngineFactory.setTLSServerParametersForPort}). */
    public TLSServerParameters jetty() {
        TLSServerParameters p = new TLSServerParameters();
        p.setKeyManagers(pki.serverKeyManagers(certificate));
        p.setTrustManagers(pki.clientTrust().getTrustManagers());
        ClientAuthentication auth = new ClientAuthentication();
        auth.setRequired(true);
        auth.setWant(true);
        p.setClientAuthentication(auth);
        p.setIncludeProtocols(ClientTls.PROTOCOLS);
        p.setSniHostCheck(false);
        return p;
    }

    /** For a JDK {@code HttpsServer}. */
    public HttpsConfigurator httpServer() {
        return new HttpsConfigurator(pki.serverContext(certificate)) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                p.setProtocols(List.copyOf(ClientTls.PROTOCOLS).toArray(String[]::new));
                params.setSSLParameters(p);
            }
        };
    }
}
