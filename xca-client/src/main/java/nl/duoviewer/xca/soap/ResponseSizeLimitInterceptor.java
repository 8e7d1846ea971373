package nl.duoviewer.xca.soap;

import java.io.InputStream;

import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import nl.duoviewer.xca.io.CappedInputStream;

/** Caps the bytes read for one SOAP response (query answers), before any parsing happens. */
public final class ResponseSizeLimitInterceptor extends AbstractPhaseInterceptor<Message> {

    private final long limit;

    public ResponseSizeLimitInterceptor(long limit) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.limit = limit;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new CappedInputStream(in, limit, "The response"));
        }
    }
}
