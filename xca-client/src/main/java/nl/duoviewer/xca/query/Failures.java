package nl.duoviewer.xca.query;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.xca.io.CappedInputStream;

/** Turns exceptions from the SOAP stack into {@link SourceFailure}s with messages a user can act on. */
final class Failures {

    private Failures() {
    }

    static SourceFailure classify(Throwable t, String community, Duration timeout) {
        return classify(t, community, null, timeout);
    }

    /** As {@link #classify(Throwable, String, Duration)}, naming {@code endpoint} when TLS refused it. */
    static SourceFailure classify(Throwable t, String community, java.net.URI endpoint, Duration timeout) {
        if (endpoint != null) {
            var tls = nl.duoviewer.xca.security.TlsRefusal.describe(t, endpoint);
            if (tls.isPresent()) {
                // not transient: a certificate or protocol problem does not go away by asking again
                return new SourceFailure(SourceStatus.State.FAILED, community + ": " + tls.get(), false);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            // CXF's HTTP conduit reports its receive timeout by interrupting the reader: an interrupt here is a
            // timeout (our own cancellations never reach the timeline)
            if (c instanceof SocketTimeoutException || c instanceof HttpTimeoutException
                    || c instanceof InterruptedException || c instanceof java.io.InterruptedIOException
                    || c.getMessage() != null && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
                return new SourceFailure(SourceStatus.State.TIMED_OUT,
                        community + ": no answer within " + seconds(timeout), false);
            }
            if (c instanceof CappedInputStream.SizeLimitExceededException) {
                return new SourceFailure(SourceStatus.State.FAILED,
                        community + ": answer rejected, " + c.getMessage(), false);
            }
            String m = c.getMessage() == null ? "" : c.getMessage();
            if (m.contains("limit") && m.contains("exceeded")) {
                // the XML parser's own size limits (attribute, text, element counts) guard the same thing
                return new SourceFailure(SourceStatus.State.FAILED,
                        community + ": answer rejected, it exceeds the size limit of the XML parser", false);
            }
            if (c instanceof ConnectException) {
                return new SourceFailure(SourceStatus.State.FAILED,
                        community + ": not reachable (connection refused)", true);
            }
            if (c instanceof jakarta.xml.ws.soap.SOAPFaultException f) {
                return new SourceFailure(SourceStatus.State.FAILED,
                        community + ": server error (SOAP fault: " + f.getFault().getFaultString() + ")", true);
            }
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new SourceFailure(SourceStatus.State.FAILED, community + ": request failed (" + shorten(msg) + ")",
                true);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
