package nl.duoviewer.xca.soap;

import java.io.IOException;
import java.io.InputStream;

import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import nl.duoviewer.xca.io.CloseDelimiterInputStream;
import nl.duoviewer.xca.io.MultipartRelatedParser;

/**
 * Makes an MTOM retrieve answer that ends before its closing boundary fail where it ends, instead of CXF handing the
 * part it was in over as complete ({@link CloseDelimiterInputStream}). Plain SOAP answers (faults) pass unchanged.
 */
public final class MimePackageEnd extends AbstractPhaseInterceptor<Message> {

    public MimePackageEnd() {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        Object type = message.get(Message.CONTENT_TYPE);
        if (in == null || !(type instanceof String contentType)
                || !contentType.toLowerCase(java.util.Locale.ROOT).strip().startsWith("multipart/")) {
            return;
        }
        try {
            message.setContent(InputStream.class, new CloseDelimiterInputStream(in,
                    MultipartRelatedParser.boundary(contentType)));
        } catch (IOException noBoundary) {
            // CXF's own attachment handling refuses a multipart answer without a boundary
        }
    }
}
