package nl.duoviewer.app.imaging;

/** A running retrieval of one study. Cancelling stops retrieval and decoding as soon as the service can. */
public interface StudyLoad {

    void cancel();

    boolean isCancelled();

    /**
     * The frame the user is looking at: frames of this study still waiting to be decoded are taken nearest to it
     * first, and this study before others being loaded.
     *
     * @param frameNumber 1-based frame within the instance (1 for single-frame objects)
     */
    void focus(String seriesInstanceUid, int instanceNumber, int frameNumber);
}
