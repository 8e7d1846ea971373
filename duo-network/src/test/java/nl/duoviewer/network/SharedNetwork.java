package nl.duoviewer.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import nl.duoviewer.xca.config.ActorPosition;
import nl.duoviewer.xca.config.DuoClientConfig;

/** One embedded network for all end-to-end tests in this JVM (start-up generates keys and binds ports). */
final class SharedNetwork {

    private static EmbeddedDuoNetwork network;

    private SharedNetwork() {
    }

    static synchronized EmbeddedDuoNetwork get() {
        if (network == null) {
            try {
                network = EmbeddedDuoNetwork.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedDuoNetwork n = network;
            Runtime.getRuntime().addShutdownHook(new Thread(n::close));
        }
        return network;
    }

    /** Healthy again: no faults, all up, everyone consents, counters zero. */
    static EmbeddedDuoNetwork fresh() {
        EmbeddedDuoNetwork n = get();
        try {
            n.restoreHealthy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** The network's configuration with another timeout, retry count and query response limit. */
    static DuoClientConfig config(Duration timeout, int retries, long maxQueryResponseBytes) {
        DuoClientConfig c = get().clientConfig(ActorPosition.INITIATING_GATEWAY, timeout);
        return new DuoClientConfig(c.actorPosition(), c.communities(), c.mitz(), c.organisation(), c.identity(),
                c.keystore(), c.trust(), c.samlIssuer(), c.transferSyntaxes(), retries, c.maxQuerySplits(),
                maxQueryResponseBytes, c.maxDocumentBytes(), c.maxInstanceBytes());
    }
}
