package nl.duoviewer.network.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.ServerFactoryBean;
import org.apache.cxf.interceptor.AbstractBasicInterceptorProvider;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.openehealth.ipf.commons.ihe.ws.JaxWsServiceFactory;

import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.content.StudyContent;
import nl.duoviewer.xca.security.AssertionVerifier;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * One community's responding gateway on 127.0.0.1: ITI-38, ITI-18, ITI-39, ITI-43, RAD-69 and RAD-75 services
 * built with IPF's JaxWsServiceFactory on CXF's Jetty transport, all on one ephemeral port, over TLS with a required
 * client certificate. Every request is counted on arrival (after the handshake: a refused connection counts nothing),
 * must carry a valid requester assertion, must be valid against the IHE schemas and IPF's validators
 * ({@link RequestValidation}), and passes the community's {@link FaultProfile}.
 */
public final class RespondingGateway {

    private final Network network;
    private final Bus bus;
    private final int port;
    private final FaultProfile faults = new FaultProfile();
    private final Counters counters = new Counters();
    private final QueryResponder queries;
    private final RetrieveResponder retrieves;
    private final AssertionVerifier verifier;
    private final TLSServerParameters tls;
    private final List<Server> servers = new ArrayList<>();
    private boolean down;

    public RespondingGateway(Network network, DemoCatalogue catalogue, StudyContent content,
                             AssertionVerifier verifier, Bus bus, TLSServerParameters tls) throws IOException {
        this(network, catalogue, content, verifier, bus, tls, null);
    }

    /**
     * @param temporaryConsents the TLB pilot's consents when this community runs under them (its answers then carry
     *                          the consent's end, and no data without one that runs); null under Mitz
     */
    public RespondingGateway(Network network, DemoCatalogue catalogue, StudyContent content,
                             AssertionVerifier verifier, Bus bus, TLSServerParameters tls,
                             TemporaryConsents temporaryConsents) throws IOException {
        this.network = network;
        this.bus = bus;
        this.verifier = verifier;
        this.tls = tls;
        this.port = freePort();
        this.queries = new QueryResponder(network, catalogue, faults, counters, temporaryConsents);
        this.retrieves = new RetrieveResponder(network, catalogue, content, faults, counters);
    }

    /** A port that is free now; the gateway keeps it for its whole life, also while down. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public synchronized void start() {
        if (!servers.isEmpty()) {
            return;
        }
        try {
            // before the first endpoint: the engine for this port is created with TLS (and re-created so after stop)
            // on 127.0.0.1 only: the engine made for a port without a host would listen on every interface
            bus.getExtension(JettyHTTPServerEngineFactory.class).setTLSServerParametersForPort("127.0.0.1", port,
                    tls);
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS for port " + port + " cannot be set up: " + e.getMessage(), e);
        }
        publish(SoapTransaction.ITI_38, new GatewayServices.CrossGatewayQuery(queries), Counters.Kind.QUERY);
        publish(SoapTransaction.ITI_18, new GatewayServices.RegistryStoredQuery(queries), Counters.Kind.QUERY);
        publish(SoapTransaction.ITI_39, new GatewayServices.CrossGatewayRetrieve(retrieves),
                Counters.Kind.DOCUMENT_RETRIEVE);
        publish(SoapTransaction.ITI_43, new GatewayServices.RetrieveDocumentSet(retrieves),
                Counters.Kind.DOCUMENT_RETRIEVE);
        publish(SoapTransaction.RAD_69, new GatewayServices.RetrieveImagingDocumentSet(retrieves),
                Counters.Kind.IMAGE_RETRIEVE);
        publish(SoapTransaction.RAD_75, new GatewayServices.CrossGatewayRetrieveImaging(retrieves),
                Counters.Kind.IMAGE_RETRIEVE);
        down = false;
    }

    private void publish(SoapTransaction tx, Object bean, Counters.Kind kind) {
        var interceptors = new AbstractBasicInterceptorProvider() { };
        interceptors.getInInterceptors().add(new GatewayInterceptors.CountArrival(counters, kind));
        interceptors.getInInterceptors().add(new GatewayInterceptors.VerifyAssertion(verifier, counters));
        interceptors.getInInterceptors().add(new GatewayInterceptors.InjectFaults(faults));
        interceptors.getOutFaultInterceptors().add(new GatewayInterceptors.SchemaRejection(counters));
        interceptors.getOutInterceptors().add(new GatewayInterceptors.Throttle(faults, counters));
        interceptors.getOutInterceptors().add(new GatewayInterceptors.ReverseAttachments(faults));
        if (kind == Counters.Kind.IMAGE_RETRIEVE) {
            interceptors.getOutInterceptors().add(new GatewayInterceptors.TruncateImages(faults));
        }
        interceptors.getOutFaultInterceptors().add(new GatewayInterceptors.Throttle(faults, counters));
        @SuppressWarnings({"rawtypes", "unchecked"})
        JaxWsServiceFactory factory = new JaxWsServiceFactory(tx.ipfConfiguration(), endpoint(tx).toString(), null,
                null, interceptors, null);
        ServerFactoryBean sfb = factory.createServerFactory(bean);
        sfb.setBus(bus);
        Server server = sfb.create();
        GatewayInterceptors.validateAgainstSchemas(server);
        server.start();
        servers.add(server);
    }

    /** Stops the services and closes the port: clients get "connection refused". */
    public synchronized void stop() {
        for (Server s : servers) {
            s.stop();
            s.destroy();
        }
        servers.clear();
        JettyHTTPServerEngineFactory.destroyForPort(port);
        down = true;
    }

    /** Takes the community off the network (connection refused) or brings it back on the same port. */
    public synchronized void setDown(boolean down) {
        if (down) {
            stop();
        } else {
            start();
        }
    }

    public synchronized boolean isDown() {
        return down;
    }

    public Network network() {
        return network;
    }

    public FaultProfile faults() {
        return faults;
    }

    public Counters counters() {
        return counters;
    }

    public int port() {
        return port;
    }

    /** The endpoint of a transaction, e.g. {@code https://127.0.0.1:PORT/founda/iti38}. */
    public URI endpoint(SoapTransaction tx) {
        String path = tx.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        return URI.create("https://127.0.0.1:" + port + "/" + network.key() + "/" + path);
    }
}
