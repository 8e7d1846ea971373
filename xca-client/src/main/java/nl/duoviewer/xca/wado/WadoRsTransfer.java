package nl.duoviewer.xca.wado;

import nl.duoviewer.xca.io.MultipartPart;

import nl.duoviewer.xca.io.MultipartRelatedParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.duoviewer.xca.retrieve.InstanceConsumer;
import nl.duoviewer.xca.retrieve.RetrieveException;
import nl.duoviewer.xca.retrieve.RetrievedInstance;
import nl.duoviewer.xca.retrieve.StallGuard;

/**
 * The one WADO-RS exchange of the client: sends a prepared GET, streams each multipart/related part to the consumer as
 * it arrives (naming it by Content-Location or, when the server sends none, by the SOP Instance UID in its header)
 * and abandons a transfer that stalls. Both the DUO communities' WADO-RS ({@link WadoRsClient}, behind the consent
 * gate) and the hospital's own PACS ({@code xca.local}) retrieve through it; they differ only in who may be asked and
 * how the request is authorised.
 */
public final class WadoRsTransfer {

    /**
     * How an exchange ended when the server answered.
     *
     * @param httpStatus the HTTP status; parts were read only for 200 and 206
     * @param received   instance (or frame) ids handed to the consumer, in arrival order
     */
    public record Result(int httpStatus, List<String> received) {
        public Result {
            received = List.copyOf(received);
        }

        /** 200 or 206: the body was read as multipart/related. */
        public boolean answered() {
            return httpStatus == 200 || httpStatus == 206;
        }
    }

    private static final String DICOM_RANGE = "multipart/related; type=\"application/dicom\"";

    private WadoRsTransfer() {
    }

    /**
     * One media range per offered transfer syntax, in preference order with falling q-values, then
     * {@code transfer-syntax=*} (as stored) last and least preferred. The last range matters more than it should:
     * Orthanc's DICOMweb plugin reads the whole Accept header as one media type, so the last transfer-syntax wins.
     * Ending on "*" makes such a server send what it has instead of transcoding to the least preferred syntax (a
     * 96-frame JPEG XA arrived as 25 MB uncompressed instead of 1.7 MB) or failing a whole study with HTTP 500 when
     * it cannot decode one instance (JPEG 2000 without its GDCM plugin). A q-aware server still picks from the list.
     */
    public static String dicomAccept(List<String> syntaxes) {
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < syntaxes.size(); i++) {
            String q = i == 0 ? "" : String.format(Locale.ROOT, "; q=%.1f", Math.max(0.2, 0.9 - i * 0.1));
            ranges.add(DICOM_RANGE + "; transfer-syntax=" + syntaxes.get(i) + q);
        }
        ranges.add(DICOM_RANGE + "; transfer-syntax=*; q=0.1");
        return String.join(", ", ranges);
    }

    /**
     * Runs one exchange.
     *
     * @param sourceName       the source as the user knows it, for messages
     * @param idle             how long the transfer may stand still before it is abandoned
     * @param maxPartBytes     cap on one part (one instance)
     * @param sourceId         what {@link RetrievedInstance#homeCommunityId()} carries
     * @param frames           true when the parts are frames (named by their Content-Location only)
     * @throws RetrieveException when the source cannot be reached, does not answer in time or stalls
     */
    public static Result exchange(HttpClient http, HttpRequest request, String sourceName, Duration idle,
                                  long maxPartBytes, String studyUid, String seriesUid, String sourceId,
                                  boolean frames, InstanceConsumer consumer) throws IOException {
        try (StallGuard guard = new StallGuard(idle)) {
            try {
                return read(http, request, sourceName, maxPartBytes, studyUid, seriesUid, sourceId, frames,
                        consumer, guard);
            } catch (IOException | RuntimeException e) {
                if (guard.stalled()) {
                    throw new RetrieveException(sourceName + ": WADO-RS transfer stalled (no data for "
                            + idle.toSeconds() + " s); abandoned", e);
                }
                throw e;
            }
        }
    }

    private static Result read(HttpClient http, HttpRequest request, String sourceName, long maxPartBytes,
                               String studyUid, String seriesUid, String sourceId, boolean frames,
                               InstanceConsumer consumer, StallGuard guard) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new RetrieveException(sourceName + ": no answer in time (WADO-RS)", e);
        } catch (java.net.ConnectException e) {
            throw new RetrieveException(sourceName + ": not reachable (WADO-RS)", e);
        } catch (IOException e) {
            var tls = nl.duoviewer.xca.security.TlsRefusal.describe(e, request.uri());
            if (tls.isPresent()) {
                throw new RetrieveException(sourceName + ": " + tls.get() + " (WADO-RS)", e);
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("WADO-RS retrieve cancelled");
        }
        List<String> received = new ArrayList<>();
        try (InputStream body = guard.watch(response.body())) {
            int status = response.statusCode();
            if (status != 200 && status != 206) {
                return new Result(status, received);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            MultipartRelatedParser parser = new MultipartRelatedParser(body, contentType,
                    new MultipartRelatedParser.Limits(maxPartBytes, 100_000, 16 * 1024));
            MultipartPart part;
            while ((part = parser.next()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("WADO-RS retrieve cancelled");
                }
                String location = part.contentLocation();
                InputStream data = part.body();
                String id;
                if (location.isEmpty() && !frames) {
                    // Content-Location is optional (Orthanc sends none): the instance names itself in its header
                    InstanceUidPeek.Result peek = InstanceUidPeek.peek(data);
                    data = peek.data();
                    id = peek.sopInstanceUid() != null ? peek.sopInstanceUid() : "part-" + (received.size() + 1);
                } else {
                    id = location.isEmpty() ? "part-" + (received.size() + 1)
                            : location.substring(location.lastIndexOf('/') + 1);
                }
                String sop = location.contains("/instances/") ? location.replaceAll(".*/instances/([^/]+).*", "$1")
                        : id;
                consumer.accept(new RetrievedInstance(studyUid, seriesUid, sop, part.contentType(), sourceId), data);
                received.add(location.contains("/frames/") ? id : sop);
                guard.progress();
            }
            return new Result(status, received);
        }
    }
}
