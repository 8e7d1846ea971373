package nl.duoviewer.xca.security;

import javax.net.ssl.SSLContext;

/**
 * Seam for mutual TLS on every hop (UZI server certificate / PKIoverheid). The implementation with the real
 * certificate store comes with the mTLS issue; until then endpoints are reached as configured (plain HTTP for the
 * embedded test network).
 */
public interface TransportSecurity {

    /** No client certificate; the JDK default trust. */
    TransportSecurity NONE = () -> null;

    /** The TLS context with the client certificate, or null to use the JDK default for https and plain http. */
    SSLContext sslContext();
}
