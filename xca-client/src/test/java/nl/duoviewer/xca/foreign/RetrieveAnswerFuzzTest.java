package nl.duoviewer.xca.foreign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.xca.consent.ConsentDeniedException;
import nl.duoviewer.xca.retrieve.RetrieveOutcome;
import nl.duoviewer.xca.retrieve.SeriesRequest;

/**
 * Seeded mutation of an MTOM retrieve answer (dcm4chee-arc's documented RAD-69 answer, repaired) through the client's
 * real SOAP stack: CXF's MIME and XOP handling, then {@code ResponseStreamer}. Every mutant ends in an outcome or the
 * module's typed {@link IOException} (RetrieveException); nothing escapes as a RuntimeException, nothing hangs past
 * the stall guard, and only requested instances are ever handed on.
 */
class RetrieveAnswerFuzzTest {

    static final int MUTANTS = 40;

    @Test
    void everyMutatedMtomAnswerEndsInAnOutcomeOrTheTypedError(@TempDir Path dir) throws Exception {
        ForeignRetrieveAnswerTest.Published seed = ForeignRetrieveAnswerTest.repaired(
                ForeignRetrieveAnswerTest.Published.of(Fixtures.text("dcm4chee/rad69-response.txt")),
                ForeignRetrieveAnswerTest.dicom());
        AtomicReference<byte[]> current = new AtomicReference<>(seed.body());
        try (LoopbackServer server = new LoopbackServer(req -> ForeignRetrieveAnswerTest.relatedTo(req,
                new ForeignRetrieveAnswerTest.Published(seed.contentType(), current.get())));
             ForeignPeer peer = ForeignPeer.at(server.uri("/xdsi/ImagingDocumentSource"), dir, Duration.ofSeconds(3))) {
            SplittableRandom random = new SplittableRandom(20261204L);
            int[] outcome = new int[3]; // complete/partial, failed outcome, typed error
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < MUTANTS; i++) {
                    current.set(i == 0 ? seed.body() : Mutations.mutate(seed.body(), random));
                    List<String> handedOn = new ArrayList<>();
                    try {
                        RetrieveOutcome o = peer.images().retrieveSeries(ForeignPeer.permit(ForeignRetrieveAnswerTest.REPOSITORY), ForeignPeer.PATIENT, ForeignPeer.SOURCE,
                                new SeriesRequest(ForeignRetrieveAnswerTest.STUDY, ForeignRetrieveAnswerTest.SERIES,
                                        ForeignRetrieveAnswerTest.REPOSITORY, List.of(ForeignRetrieveAnswerTest.SOP)),
                                (inst, in) -> {
                                    handedOn.add(inst.sopInstanceUid());
                                    in.readAllBytes();
                                });
                        outcome[o.status() == RetrieveOutcome.Status.FAILED ? 1 : 0]++;
                        if (i == 0) {
                            assertEquals(RetrieveOutcome.Status.COMPLETE, o.status(), "the seed itself works");
                        }
                    } catch (IOException | ConsentDeniedException e) {
                        outcome[2]++;
                    } catch (RuntimeException e) {
                        fail("mutant " + i + " escaped as " + e, e);
                    }
                    assertTrue(handedOn.stream().allMatch(ForeignRetrieveAnswerTest.SOP::equals),
                            "mutant " + i + ": only the requested instance is handed on: " + handedOn);
                }
            });
            assertEquals(MUTANTS, outcome[0] + outcome[1] + outcome[2]);
            assertTrue(outcome[2] > 0, "some mutants are refused with the typed error");
        }
    }
}
