package nl.duoviewer.xca.soap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.feature.AbstractFeature;
import org.apache.cxf.interceptor.AbstractBasicInterceptorProvider;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.openehealth.ipf.commons.ihe.ws.JaxWsClientFactory;

import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.security.AssertionProvider;
import nl.duoviewer.xca.security.ClientTls;

/**
 * Creates and pools IPF/CXF client ports, one pool per community and transaction. Every port carries the requester's
 * SAML assertion (audience: the community's homeCommunityId) and the community's timeout, and connects with the
 * client's one TLS context ({@link ClientTls}: organisation certificate, configured trust store, TLS 1.2/1.3, host
 * name verification); query ports also cap the response size.
 */
public final class SoapPorts implements AutoCloseable {

    /** CXF's limit on MTOM parts per message (default 50); a series may hold thousands of instances. */
    static final String MAX_ATTACHMENTS_PROPERTY = "attachment-max-count";
    static final String MAX_ATTACHMENTS = "20000";

    private record Key(String communityId, SoapTransaction transaction) {
    }

    private final AssertionProvider assertions;
    private final ClientTls tls;
    private final long maxQueryResponseBytes;
    private final long maxDocumentBytes;
    private final long maxInstanceBytes;
    private final Map<Key, JaxWsClientFactory<?>> factories = new ConcurrentHashMap<>();
    /** Every port handed out, so that their conduits (each with its own HTTP client) can be closed. */
    private final java.util.Set<Object> ports = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());

    /**
     * @param maxQueryResponseBytes cap on a query answer, and on the SOAP part of a retrieve answer
     * @param maxDocumentBytes      cap on one document attachment (ITI-39/43)
     * @param maxInstanceBytes      cap on one image attachment (RAD-69/75)
     */
    public SoapPorts(AssertionProvider assertions, ClientTls tls, long maxQueryResponseBytes,
                     long maxDocumentBytes, long maxInstanceBytes) {
        this.assertions = assertions;
        this.tls = tls;
        this.maxQueryResponseBytes = maxQueryResponseBytes;
        this.maxDocumentBytes = maxDocumentBytes;
        this.maxInstanceBytes = maxInstanceBytes;
    }

    /** Borrows a port of the given service interface for the community's endpoint of this transaction. */
    public <P> PortLease<P> lease(CommunityEndpoint community, SoapTransaction transaction, Class<P> portType) {
        JaxWsClientFactory<?> f = factories.computeIfAbsent(new Key(community.id(), transaction),
                k -> create(community, transaction));
        Object port = f.getClient();
        synchronized (ports) {
            ports.add(port);
        }
        return new PortLease<>(f, portType.cast(port));
    }

    private JaxWsClientFactory<?> create(CommunityEndpoint community, SoapTransaction transaction) {
        String url = switch (transaction) {
            case ITI_38, ITI_18 -> community.queryEndpoint().toString();
            case ITI_39, ITI_43 -> community.retrieveEndpoint().toString();
            case RAD_69, RAD_75 -> community.imagingEndpoint().toString();
        };
        var interceptors = new AbstractBasicInterceptorProvider() { };
        interceptors.getOutInterceptors().add(new WsSecurityOutInterceptor(assertions, community.homeCommunityId()));
        interceptors.getInInterceptors().add(new AddressingWhitespaceInterceptor());
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(MAX_ATTACHMENTS_PROPERTY, MAX_ATTACHMENTS));
        if (transaction == SoapTransaction.ITI_38 || transaction == SoapTransaction.ITI_18) {
            interceptors.getInInterceptors().add(new ResponseSizeLimitInterceptor(maxQueryResponseBytes));
        } else {
            // retrieve answers: the SOAP part capped apart from the attachments, which never spill to disk
            interceptors.getInInterceptors().add(new MimePackageEnd());
            interceptors.getInInterceptors().add(new SoapPartLimit.Cap(maxQueryResponseBytes));
            interceptors.getInInterceptors().add(new SoapPartLimit.Drain());
            boolean images = transaction == SoapTransaction.RAD_69 || transaction == SoapTransaction.RAD_75;
            properties.putAll(SoapPartLimit.properties(images ? maxInstanceBytes : maxDocumentBytes));
        }
        HTTPClientPolicy policy = new HTTPClientPolicy();
        long timeoutMs = community.timeout().toMillis();
        policy.setConnectionTimeout(Math.min(timeoutMs, 10_000));
        policy.setReceiveTimeout(timeoutMs);
        policy.setAllowChunking(true);
        @SuppressWarnings({"rawtypes", "unchecked"})
        JaxWsClientFactory<?> factory = new JaxWsClientFactory(transaction.ipfConfiguration(), url, null, null,
                interceptors, List.of(new TlsFeature(tls)), properties, null, null, policy);
        return factory;
    }

    /**
     * Gives each port's HTTP conduit the client's TLS context. The context (not a socket factory) keeps CXF on its
     * JDK HttpClient conduit, which verifies host names; the CN check stays on.
     */
    static final class TlsFeature extends AbstractFeature {
        private final ClientTls tls;

        TlsFeature(ClientTls tls) {
            this.tls = tls;
        }

        @Override
        public void initialize(Client client, Bus bus) {
            TLSClientParameters p = new TLSClientParameters();
            p.setSslContext(tls.context());
            p.setDisableCNCheck(false);
            ((HTTPConduit) client.getConduit()).setTlsClientParameters(p);
        }
    }

    /** Closes every port's conduit; leases still open fail from then on. */
    @Override
    public void close() {
        synchronized (ports) {
            for (Object p : ports) {
                try {
                    org.apache.cxf.frontend.ClientProxy.getClient(p).destroy();
                } catch (RuntimeException e) {
                    // closing the others matters more than this one
                }
            }
            ports.clear();
        }
    }
}
