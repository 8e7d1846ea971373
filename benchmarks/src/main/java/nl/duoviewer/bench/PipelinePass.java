package nl.duoviewer.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.ImageAttributes;

/**
 * Every frame of one image object through the viewer's {@link FramePipeline}, as a study load sends them: one job,
 * frames submitted in order (the submitter waits while the pipeline is full), each decoded into the display pixels
 * the viewer keeps. Ends when every frame has its outcome; a frame that fails fails the pass.
 */
public final class PipelinePass {

    /** The frames' bytes, read when submitted (from memory, or from a file as the viewer reads the network). */
    @FunctionalInterface
    public interface Frames {
        ByteBuffer frame(int index) throws IOException;
    }

    private PipelinePass() {
    }

    /** Decodes frames 0..count-1 of the image on a new job of the pipeline. */
    public static void run(FramePipeline pipeline, ImageAttributes image, int count, Frames frames,
                           long timeoutSeconds) throws IOException, InterruptedException, TimeoutException {
        CountDownLatch done = new CountDownLatch(count);
        AtomicReference<String> failure = new AtomicReference<>();
        FramePipeline.Job job = pipeline.newJob();
        for (int i = 0; i < count; i++) {
            job.submit(image, frames.frame(i), i, outcome -> {
                if (!(outcome instanceof FramePipeline.Outcome.Decoded)) {
                    failure.compareAndSet(null, outcome.toString());
                }
                done.countDown();
            });
        }
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            job.cancel();
            throw new TimeoutException(count + " frames not decoded within " + timeoutSeconds + " s");
        }
        if (failure.get() != null) {
            throw new IOException("a frame was not decoded: " + failure.get());
        }
    }

    /** Convenience for frames already in memory. */
    public static void run(FramePipeline pipeline, ImageAttributes image, List<ByteBuffer> frames,
                           long timeoutSeconds) throws IOException, InterruptedException, TimeoutException {
        run(pipeline, image, frames.size(), i -> frames.get(i).duplicate(), timeoutSeconds);
    }
}
