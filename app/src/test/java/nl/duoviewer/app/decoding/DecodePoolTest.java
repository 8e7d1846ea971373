package nl.duoviewer.app.decoding;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The pool's decoders and scratch buffers hold the last frames of a patient: kept while decoding, dropped on release. */
class DecodePoolTest {

    private static DecodePool.Worker toolsOfNextTask(DecodePool pool) throws Exception {
        CompletableFuture<DecodePool.Worker> used = new CompletableFuture<>();
        pool.submit(used::complete);
        return used.get(10, TimeUnit.SECONDS);
    }

    @Test
    void toolsAreReusedFromFrameToFrameAndDroppedWhenThePatientIsReleased() throws Exception {
        try (DecodePool pool = new DecodePool(1, 2)) {
            DecodePool.Worker first = toolsOfNextTask(pool);
            // one thread: the next task starts after the previous one handed its tools back
            assertSame(first, toolsOfNextTask(pool), "steady decoding reuses its buffers");
            pool.releaseScratch(); // whether or not that task has handed them back yet

            assertNotSame(first, toolsOfNextTask(pool), "nothing of the previous patient's frames is reused");
        }
    }
}
