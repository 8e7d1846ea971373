package nl.duoviewer.xca.soap;

import java.lang.ref.Reference;

import org.openehealth.ipf.commons.ihe.ws.JaxWsClientFactory;

/**
 * A pooled JAX-WS port borrowed for one exchange. Keep the lease open until every MTOM attachment of the answer has
 * been read: a CXF proxy that becomes unreachable mid-stream lets the JDK HttpClient be closed under the reader.
 */
public final class PortLease<P> implements AutoCloseable {

    private final JaxWsClientFactory<?> factory;
    private final P port;
    private boolean closed;

    PortLease(JaxWsClientFactory<?> factory, P port) {
        this.factory = factory;
        this.port = port;
    }

    public P port() {
        return port;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        factory.restoreClient(port);
        Reference.reachabilityFence(port);
    }
}
