package nl.duoviewer.app.imaging;

import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * Receives a study's frames as they are decoded. Called on the service's threads, never on the JavaFX thread; calls
 * after {@link StudyLoad#cancel()} may still arrive and are ignored by the viewer.
 */
public interface StudyLoadListener {

    /** A frame is ready; the first one should come as soon as it is decoded, before the rest is retrieved. */
    void frameDecoded(DecodedFrame frame);

    /**
     * How far retrieval has got.
     *
     * @param instancesDone  instances retrieved and decoded so far
     * @param instancesTotal instances in the study, 0 while unknown
     */
    void progress(int instancesDone, int instancesTotal);

    /** Retrieval ended with everything that could be fetched. */
    void completed();

    /**
     * Retrieval stopped, or ended without everything. What was delivered stays valid.
     *
     * @param reason why, for the view to put in the user's language
     */
    void failed(LoadFailure reason);
}
