package nl.duoviewer.app.imaging;

/** A running retrieval of one study. Cancelling stops retrieval and decoding as soon as the service can. */
public interface StudyLoad {

    void cancel();

    boolean isCancelled();
}
