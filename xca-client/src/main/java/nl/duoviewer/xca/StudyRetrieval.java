package nl.duoviewer.xca;

import java.util.concurrent.CompletableFuture;

/**
 * A study retrieval in progress: instances reach the consumer as they arrive; {@link #result()} completes at the
 * end (exceptionally with a {@code ConsentDeniedException} when no source may be asked, or with a
 * {@code CancellationException} after {@link #cancel()}).
 */
public final class StudyRetrieval {

    private final CompletableFuture<StudyRetrievalResult> result;
    private final Runnable canceller;

    /** A retrieval whose result completes the future; {@code canceller} stops it (for the retrievers of other packages). */
    public StudyRetrieval(CompletableFuture<StudyRetrievalResult> result, Runnable canceller) {
        this.result = result;
        this.canceller = canceller;
    }

    public CompletableFuture<StudyRetrievalResult> result() {
        return result;
    }

    /** Stops the retrieval: no instance is handed over after this returns. */
    public void cancel() {
        canceller.run();
    }
}
