package nl.duoviewer.xca.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.activation.DataHandler;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;

import nl.duoviewer.xca.config.HomeCommunityIds;
import nl.duoviewer.xca.io.CappedInputStream;
import nl.duoviewer.xca.io.CloseDelimiterInputStream;
import nl.duoviewer.xca.query.RegistryError;
import nl.duoviewer.xca.query.RegistryErrors;

/**
 * Hands each MTOM DocumentResponse of a retrieve answer to the consumer in arrival order. CXF reads attachments
 * lazily from the HTTP stream, so the first object is usable while later ones are still on the wire; each is read to
 * its end before the next is touched, so nothing is held back in memory.
 */
final class ResponseStreamer {

    private ResponseStreamer() {
    }

    static RetrieveOutcome stream(RetrieveDocumentSetResponseType response, List<String> requested, String studyUid,
                                  String seriesUid, String community, long maxBytes, InstanceConsumer consumer,
                                  StallGuard guard)
            throws IOException {
        Set<String> wanted = new LinkedHashSet<>(requested);
        List<String> received = new ArrayList<>();
        List<RegistryError> errors = RegistryErrors.of(response.getRegistryResponse());
        String statusCode = response.getRegistryResponse() == null ? null : response.getRegistryResponse().getStatus();
        Status status = statusCode == null ? Status.FAILURE : Status.valueOfOpcode(statusCode);
        byte[] skip = new byte[16384];
        for (RetrieveDocumentSetResponseType.DocumentResponse dr : response.getDocumentResponse()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("retrieve cancelled");
            }
            String uid = dr.getDocumentUniqueId();
            DataHandler dh = dr.getDocument();
            if (uid == null || !wanted.remove(uid) || dh == null) {
                // unrequested or duplicate documents are not passed on; read past them
                if (dh != null) {
                    try (InputStream in = new CappedInputStream(guard.watch(dh.getInputStream()), maxBytes,
                            "A document")) {
                        while (in.read(skip) > 0) {
                            // discard
                        }
                    }
                }
                continue;
            }
            RetrievedInstance meta = new RetrievedInstance(studyUid, seriesUid, uid,
                    dr.getMimeType() == null ? "application/dicom" : dr.getMimeType(),
                    homeOf(dr.getHomeCommunityId()));
            try (InputStream in = new CappedInputStream(guard.watch(dh.getInputStream()), maxBytes,
                    "Document " + uid + " from " + community)) {
                consumer.accept(meta, in);
                while (in.read(skip) > 0) {
                    // the consumer may stop early; the attachment must still be passed
                }
            } catch (CappedInputStream.SizeLimitExceededException e) {
                throw new RetrieveException(e.getMessage(), e);
            }
            received.add(uid);
            guard.progress();
        }
        List<String> missing = List.copyOf(wanted);
        if (received.isEmpty()) {
            String codes = RegistryErrors.codes(errors);
            return new RetrieveOutcome(RetrieveOutcome.Status.FAILED, received, missing, errors,
                    community + ": nothing retrieved" + (codes.isEmpty() ? "" : " (" + codes + ")"));
        }
        if (!missing.isEmpty() || status != Status.SUCCESS) {
            String codes = RegistryErrors.codes(errors);
            return new RetrieveOutcome(RetrieveOutcome.Status.PARTIAL, received, missing, errors,
                    community + ": " + missing.size() + " of " + requested.size() + " missing"
                            + (codes.isEmpty() ? "" : " (" + codes + ")"));
        }
        return new RetrieveOutcome(RetrieveOutcome.Status.COMPLETE, received, missing, errors, "");
    }

    /** The sender's community in the {@code urn:oid:} form, whichever spelling it used; empty when none. */
    private static String homeOf(String received) {
        String h = HomeCommunityIds.normalise(received);
        return h == null ? "" : h;
    }

    /** The exception to report when the guard gave up, or the original failure. */
    static IOException stalledOr(Exception e, StallGuard guard, String community, java.time.Duration idle) {
        if (guard.stalled()) {
            return new RetrieveException(community + ": transfer stalled (no data for "
                    + idle.toSeconds() + " s); abandoned", e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CloseDelimiterInputStream.TruncatedException) {
                return truncated(community, e);
            }
        }
        if (e instanceof IOException io) {
            return io;
        }
        return failure((RuntimeException) e, community);
    }

    private static RetrieveException truncated(String community, Exception e) {
        return new RetrieveException(community + ": answer cut off before its end (truncated MIME package); "
                + "the object it was in is not used", e);
    }

    static RetrieveException failure(RuntimeException e, String community) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CloseDelimiterInputStream.TruncatedException) {
                return truncated(community, e);
            }
            if (c instanceof CappedInputStream.SizeLimitExceededException s) {
                return new RetrieveException(community + ": " + s.getMessage(), e);
            }
            if (c instanceof java.net.ConnectException) {
                return new RetrieveException(community + ": not reachable (connection refused)", e);
            }
            if (c instanceof java.net.SocketTimeoutException || c instanceof java.net.http.HttpTimeoutException) {
                return new RetrieveException(community + ": no answer in time", e);
            }
            if (c instanceof jakarta.xml.ws.soap.SOAPFaultException f) {
                return new RetrieveException(community + ": server error (SOAP fault: "
                        + f.getFault().getFaultString() + ")", e);
            }
        }
        return new RetrieveException(community + ": retrieve failed (" + e.getMessage() + ")", e);
    }
}
