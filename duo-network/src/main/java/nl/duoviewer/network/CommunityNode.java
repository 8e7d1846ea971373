package nl.duoviewer.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.network.gateway.FaultProfile;
import nl.duoviewer.network.gateway.RespondingGateway;
import nl.duoviewer.network.wado.WadoRsServer;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * One community of the embedded network: its responding gateway and (optionally) its WADO-RS service, sharing one
 * fault profile and one set of counters.
 */
public final class CommunityNode {

    private final RespondingGateway gateway;
    private final WadoRsServer wado;

    CommunityNode(RespondingGateway gateway, WadoRsServer wado) {
        this.gateway = gateway;
        this.wado = wado;
    }

    void start() throws IOException {
        gateway.start();
        if (wado != null) {
            wado.start();
        }
    }

    void stop() {
        gateway.stop();
        if (wado != null) {
            wado.stop();
        }
    }

    public Network network() {
        return gateway.network();
    }

    public FaultProfile faults() {
        return gateway.faults();
    }

    public Counters counters() {
        return gateway.counters();
    }

    /** Takes the whole community off the network (connection refused) or back on, on the same ports. */
    public void setDown(boolean down) {
        try {
            if (down) {
                stop();
            } else {
                start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isDown() {
        return gateway.isDown();
    }

    public URI endpoint(SoapTransaction tx) {
        return gateway.endpoint(tx);
    }

    /** WADO-RS base, or null when this community offers none. */
    public URI wadoBase() {
        return wado == null ? null : wado.base();
    }
}
