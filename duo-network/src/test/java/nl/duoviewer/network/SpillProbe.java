package nl.duoviewer.network;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;
import nl.duoviewer.xca.DuoClient;
import nl.duoviewer.xca.StudyRetrievalResult;
import nl.duoviewer.xca.config.DuoConfigFile;

/**
 * The viewer's retrieval alone in a JVM of its own, so that its {@code java.io.tmpdir} is a folder nobody else
 * uses: {@link NoSpillToDiskTest} starts it and checks that folder afterwards. Arguments: configuration file, BSN,
 * Study Instance UID. Prints {@code RETRIEVED <instances> <bytes>} and exits 0, or says what failed and exits 1.
 */
public final class SpillProbe {

    private SpillProbe() {
    }

    public static void main(String[] args) throws Exception {
        Bsn patient = Bsn.parse(args[1]);
        try (DuoClient client = DuoClient.open(DuoConfigFile.load(Path.of(args[0])))) {
            TimelineSnapshot snap = client.queryTimeline(patient).completion().get(60, TimeUnit.SECONDS);
            TimelineEntry entry = snap.entries().stream().filter(e -> e.studyInstanceUid().equals(args[2]))
                    .findFirst().orElseThrow(() -> new IllegalStateException("study not on the timeline"));
            AtomicInteger instances = new AtomicInteger();
            AtomicLong bytes = new AtomicLong();
            // held in memory, like the viewer holds a study
            java.util.List<byte[]> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            StudyRetrievalResult r = client.retrieveStudy(patient, entry, (m, in) -> {
                byte[] b = in.readAllBytes();
                held.add(b);
                instances.incrementAndGet();
                bytes.addAndGet(b.length);
            }).result().get(120, TimeUnit.SECONDS);
            if (!r.complete()) {
                System.out.println("INCOMPLETE " + r.missing().size());
                System.exit(1);
            }
            System.out.println("RETRIEVED " + instances.get() + " " + bytes.get());
        } catch (Exception e) {
            System.out.println("FAILED " + e);
            System.exit(1);
        }
        System.exit(0);
    }
}
