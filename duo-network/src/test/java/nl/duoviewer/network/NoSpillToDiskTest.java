package nl.duoviewer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.content.DeterministicStudyContent;
import nl.duoviewer.network.gateway.Counters;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.DuoConfigFile;

/**
 * Nothing a retrieval brings in reaches the disk (decision record 8): a study of many images, each larger than CXF's
 * in-memory threshold for MTOM parts, is retrieved over RAD-75 by the client in a JVM of its own whose
 * {@code java.io.tmpdir} is a fresh folder, once with the parts in order and once with the gateway sending them in
 * reverse (which makes CXF hold every earlier part back); the folder is still empty afterwards.
 */
class NoSpillToDiskTest {

    static final long PART_MIN = 150 * 1024;
    static final long PART_MAX = 300 * 1024;

    static EmbeddedDuoNetwork net;
    static Path dir;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        dir = temp;
        // its own network: images well above CXF's 100 KiB attachment threshold
        net = EmbeddedDuoNetwork.start(EmbeddedDuoNetwork.Options.defaults().withWorkDir(temp.resolve("keys"))
                .withContent(new DeterministicStudyContent((int) PART_MIN, (int) PART_MAX)));
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    /** The client configuration without WADO-RS, so every series comes over RAD-75 with MTOM parts. */
    private static Path config() throws Exception {
        DuoClientConfig c = net.clientConfig();
        List<CommunityEndpoint> soapOnly = c.communities().stream().map(e -> new CommunityEndpoint(e.id(),
                e.displayName(), e.homeCommunityId(), e.queryEndpoint(), e.retrieveEndpoint(), e.imagingEndpoint(),
                null, java.time.Duration.ofSeconds(60), e.consent())).toList(); // a loaded CI machine starts slowly
        DuoClientConfig config = new DuoClientConfig(c.actorPosition(), soapOnly, c.mitz(), c.organisation(), c.identity(),
                net.pki().organisationFromEnvironment(), c.trust(), c.samlIssuer(), c.transferSyntaxes(), c.queryRetries(), c.maxQuerySplits(),
                c.maxQueryResponseBytes(), c.maxDocumentBytes(), c.maxInstanceBytes());
        Path file = dir.resolve("client.properties");
        DuoConfigFile.write(config, file, "no WADO-RS");
        return file;
    }

    /** The showcase patient's largest ordinary Enovation study: many images in few series. */
    private static DemoStudy study() {
        return net.catalogue().registrations(Network.ENOVATION, CatalogueGenerator.SHOWCASE_PATIENT).stream()
                .map(DemoCatalogue.Registration::study)
                .filter(s -> !s.performanceStudy() && s.publications().size() == 1)
                .max(java.util.Comparator.comparingInt(DemoStudy::instanceCount)).orElseThrow();
    }

    private static String probe(Path config, Path tmp, DemoStudy study) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xmx1g", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), SpillProbe.class.getName(),
                config.toString(), CatalogueGenerator.SHOWCASE_PATIENT.value(), study.studyInstanceUid()));
        Path out = dir.resolve("probe-out.txt");
        ProcessBuilder pb = new ProcessBuilder(command);
        // the viewer's process reads the demo keystore's password from the environment (./run exports it)
        pb.environment().put(nl.duoviewer.network.pki.TestPki.PASSWORD_VARIABLE,
                nl.duoviewer.network.pki.TestPki.DEMO_PASSWORD);
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish: " + Files.readString(out));
        }
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static List<Path> contents(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(f -> !f.equals(folder)).toList();
        }
    }

    @Test
    void aLargeStudyLeavesTheTemporaryFolderUntouchedAlsoWhenPartsComeOutOfOrder() throws Exception {
        DemoStudy study = study();
        assertTrue(study.instanceCount() >= 20, "many attachments: " + study.instanceCount());
        Path config = config();
        for (boolean reversed : new boolean[] {false, true}) {
            net.restoreHealthy();
            net.community(Network.ENOVATION).faults().reversedAttachments(reversed);
            Path tmp = Files.createDirectories(dir.resolve(reversed ? "tmp-reversed" : "tmp-in-order"));
            long before = Files.getLastModifiedTime(tmp).toMillis();

            String output = probe(config, tmp, study);

            assertTrue(output.contains("RETRIEVED " + study.instanceCount() + " "), output);
            long bytes = Long.parseLong(output.substring(output.indexOf("RETRIEVED ")).split("\\s+")[2]);
            assertTrue(bytes >= study.instanceCount() * PART_MIN, "every part above CXF's threshold: " + bytes);
            assertEquals(List.of(), contents(tmp), "nothing written to java.io.tmpdir (reversed=" + reversed + ")");
            assertEquals(before, Files.getLastModifiedTime(tmp).toMillis(), "not even a file created and removed");
            assertTrue(net.community(Network.ENOVATION).counters().get(Counters.Kind.IMAGE_RETRIEVE) > 0);
        }
    }
}
