package nl.duoviewer.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import nl.duoviewer.network.EmbeddedDuoNetwork;
import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;

/**
 * One embedded DUO network for all tests of this JVM that need the real thing: real SOAP/HTTP on 127.0.0.1, real
 * DICOM of synthetic anatomy rendered into a temporary cache, with {@link ControlledContent} in between. Started once
 * (key generation and CXF start-up take seconds), reset to healthy before each test.
 */
public final class TestNetwork {

    private static EmbeddedDuoNetwork network;
    private static ControlledContent content;

    private TestNetwork() {
    }

    public static synchronized EmbeddedDuoNetwork get() {
        if (network == null) {
            try {
                Path dir = Files.createTempDirectory("duoviewer-test-network");
                EmbeddedDuoNetwork.Options demo = EmbeddedDuoNetwork.Options.demo(dir.resolve("cache"));
                Files.deleteIfExists(demo.workDir());
                EmbeddedDuoNetwork.Options options = new EmbeddedDuoNetwork.Options(demo.seed(), dir.resolve("keys"),
                        catalogue -> content = new ControlledContent(demo.content().apply(catalogue)),
                        demo.wadoNetworks(), demo.gatewayCertificate(), demo.mitzCertificate());
                network = EmbeddedDuoNetwork.start(options);
                EmbeddedDuoNetwork started = network;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    delete(dir);
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return network;
    }

    /** The network, healthy: no faults, everything up, everyone consents, counters zero, content plain. */
    public static EmbeddedDuoNetwork fresh() {
        EmbeddedDuoNetwork n = get();
        content().reset();
        try {
            n.restoreHealthy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    public static synchronized ControlledContent content() {
        get();
        return content;
    }

    /** The smallest study of the showcase patient with this modality, published once by one network. */
    public static DemoStudy smallStudy(Network network, String modality, int minInstances) {
        return get().catalogue().registrations(network, CatalogueGenerator.SHOWCASE_PATIENT).stream()
                .map(DemoCatalogue.Registration::study)
                .filter(s -> s.modality().equals(modality) && !s.performanceStudy() && s.publications().size() == 1
                        && s.instanceCount() >= minInstances)
                .min(Comparator.comparingInt(DemoStudy::instanceCount))
                .orElseThrow(() -> new AssertionError("no " + modality + " study at " + network));
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the JVM's exit for
        }
    }
}
