package nl.duoviewer.app.imaging;

/** A running report retrieval. Cancelling means its outcome is not delivered. */
public interface ReportLoad {

    void cancel();
}
