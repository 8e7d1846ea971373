package nl.duoviewer.xca.soap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import nl.duoviewer.xca.io.CappedInputStream;

/**
 * Limits on a retrieve answer (ITI-39/43, RAD-69/75), which is an MTOM package: the SOAP part is capped on its own,
 * and each attachment is capped by CXF itself and never written to disk.
 *
 * <p>The SOAP part: {@link Cap} wraps the root part's stream as soon as CXF has split the package (after
 * {@link AttachmentInInterceptor}), and {@link Drain} reads what the XML parser left of it (bytes after the envelope)
 * through the same cap once the body is unmarshalled, so the root part cannot grow past the cap unseen and CXF never
 * has to buffer a remainder of it.
 *
 * <p>The attachments ({@link #properties}): CXF keeps a MIME part in a {@code CachedOutputStream} when a later part
 * is wanted before it has been read, and such a stream goes to a temporary file beyond
 * {@code attachment-memory-threshold} (100 KiB by default), in {@code attachment-directory} or {@code java.io.tmpdir}.
 * The viewer reads parts in order, so this happens only when a gateway sends them in another order than its XML
 * names them; patient data must not reach the disk then either (decision record 8). The threshold is therefore set
 * beyond any part CXF is allowed to hold ({@code attachment-max-size}, the per-object cap), so a part stays in memory
 * or the answer fails.
 */
public final class SoapPartLimit {

    private SoapPartLimit() {
    }

    /** Client properties for a retrieve port: per-attachment cap, and no spill to disk below it. */
    public static Map<String, Object> properties(long maxAttachmentBytes) {
        return Map.of(
                AttachmentDeserializer.ATTACHMENT_MAX_SIZE, maxAttachmentBytes,
                AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, Long.MAX_VALUE);
    }

    /** Caps the SOAP (root) part of an MTOM answer, or the whole answer when it is plain SOAP (a fault). */
    public static final class Cap extends AbstractPhaseInterceptor<Message> {
        private final long limit;

        public Cap(long limit) {
            super(Phase.RECEIVE);
            addAfter(AttachmentInInterceptor.class.getName());
            this.limit = limit;
        }

        @Override
        public void handleMessage(Message message) {
            InputStream in = message.getContent(InputStream.class);
            if (in != null) {
                CappedInputStream capped = new CappedInputStream(in, limit, "The SOAP part of the answer");
                message.setContent(InputStream.class, capped);
                message.put(CappedInputStream.class, capped);
            }
        }
    }

    /** Reads the rest of the SOAP part through the cap once the body is unmarshalled, and closes it. */
    public static final class Drain extends AbstractPhaseInterceptor<Message> {
        public Drain() {
            super(Phase.POST_UNMARSHAL);
        }

        @Override
        public void handleMessage(Message message) {
            if (!(message.get(CappedInputStream.class) instanceof CappedInputStream capped)) {
                return;
            }
            byte[] skip = new byte[8192];
            try (capped) {
                while (capped.read(skip) >= 0) {
                    // whitespace or junk after the envelope: counted against the cap, then dropped
                }
            } catch (IOException e) {
                throw new Fault(e);
            }
        }
    }
}
