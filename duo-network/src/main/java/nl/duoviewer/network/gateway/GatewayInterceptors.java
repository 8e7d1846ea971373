package nl.duoviewer.network.gateway;

import java.io.OutputStream;
import java.util.Set;

import javax.xml.namespace.QName;
import javax.xml.validation.Schema;

import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

import nl.duoviewer.xca.security.AssertionRejectedException;
import nl.duoviewer.xca.security.AssertionVerifier;
import nl.duoviewer.xca.security.Saml;

/**
 * The CXF interceptors a responding gateway puts around its services: counting, security, schema validation, faults,
 * throttling.
 */
final class GatewayInterceptors {

    static final QName SECURITY = new QName(Saml.WSSE_NS, "Security");

    private GatewayInterceptors() {
    }

    /** Counts every request as it arrives, before anything can reject it. */
    static final class CountArrival extends AbstractPhaseInterceptor<Message> {
        private final Counters counters;
        private final Counters.Kind kind;

        CountArrival(Counters counters, Counters.Kind kind) {
            super(Phase.RECEIVE);
            this.counters = counters;
            this.kind = kind;
        }

        @Override
        public void handleMessage(Message message) {
            counters.count(kind);
        }
    }

    /** Rejects requests without a valid, signed, unexpired requester assertion for this gateway. */
    static final class VerifyAssertion extends AbstractSoapInterceptor {
        private final AssertionVerifier verifier;
        private final Counters counters;

        VerifyAssertion(AssertionVerifier verifier, Counters counters) {
            super(Phase.PRE_PROTOCOL);
            this.verifier = verifier;
            this.counters = counters;
        }

        @Override
        public Set<QName> getUnderstoodHeaders() {
            return Set.of(SECURITY);
        }

        @Override
        public void handleMessage(SoapMessage message) {
            Header header = message.getHeader(SECURITY);
            try {
                if (header == null || !(header.getObject() instanceof Element security)) {
                    throw new AssertionRejectedException("No WS-Security header");
                }
                counters.recordRequester(verifier.verifySecurityHeader(security));
            } catch (AssertionRejectedException e) {
                counters.count(Counters.Kind.SECURITY_REJECTED);
                SoapFault fault = new SoapFault("Security check failed: " + e.getMessage(),
                        Soap12.getInstance().getSender());
                fault.setSubCode(new QName(Saml.WSSE_NS, "InvalidSecurity"));
                throw fault;
            }
        }
    }

    /** Latency and random server errors before the service is invoked. */
    static final class InjectFaults extends AbstractPhaseInterceptor<Message> {
        private final FaultProfile profile;

        InjectFaults(FaultProfile profile) {
            super(Phase.PRE_INVOKE);
            this.profile = profile;
        }

        @Override
        public void handleMessage(Message message) {
            long ms = profile.latency().toMillis();
            if (ms > 0) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Fault(new IllegalStateException("interrupted"));
                }
            }
            if (profile.drawError()) {
                throw new Fault(new IllegalStateException("Injected server error"));
            }
        }
    }

    /**
     * The reversed-attachments fault: after the body is marshalled and before the MIME parts are written, their order
     * is reversed, so the part the first DocumentResponse refers to comes last.
     */
    static final class ReverseAttachments extends AbstractPhaseInterceptor<Message> {
        private final FaultProfile profile;

        ReverseAttachments(FaultProfile profile) {
            super(Phase.WRITE_ENDING);
            this.profile = profile;
        }

        @Override
        public void handleMessage(Message message) {
            java.util.Collection<org.apache.cxf.message.Attachment> parts = message.getAttachments();
            if (profile.reversedAttachments() && parts != null && parts.size() > 1) {
                java.util.List<org.apache.cxf.message.Attachment> reversed = new java.util.ArrayList<>(parts);
                java.util.Collections.reverse(reversed);
                parts.clear();
                parts.addAll(reversed);
            }
        }
    }

    /**
     * Turns on CXF's schema validation of incoming request bodies with the schemas of {@link RequestValidation}
     * (CXF takes the schema of a service from this property of its service model before it would build one from the
     * WSDL's imports).
     */
    static void validateAgainstSchemas(Server server) {
        for (var info : server.getEndpoint().getService().getServiceInfos()) {
            info.setProperty(Schema.class.getName(), RequestValidation.schema());
        }
        server.getEndpoint().put(Message.SCHEMA_VALIDATION_ENABLED, "IN");
    }

    /**
     * Counts requests refused by the schema check and answers them as the client's fault (SOAP 1.2 Sender): the
     * request, not the gateway, is wrong.
     */
    static final class SchemaRejection extends AbstractPhaseInterceptor<Message> {
        private final Counters counters;

        SchemaRejection(Counters counters) {
            super(Phase.SETUP);
            this.counters = counters;
        }

        @Override
        public void handleMessage(Message message) {
            Exception e = message.getContent(Exception.class);
            if (e instanceof Fault fault && schemaViolation(fault)) {
                counters.count(Counters.Kind.INVALID_REQUEST);
                fault.setFaultCode(Soap12.getInstance().getSender());
            }
        }

        private static boolean schemaViolation(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof jakarta.xml.bind.UnmarshalException || c instanceof org.xml.sax.SAXParseException) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Slows the response bytes on their way to the socket. */
    static final class Throttle extends AbstractPhaseInterceptor<Message> {
        private final FaultProfile profile;
        private final Counters counters;

        Throttle(FaultProfile profile, Counters counters) {
            super(Phase.PREPARE_SEND);
            addAfter(MessageSenderInterceptor.class.getName());
            this.profile = profile;
            this.counters = counters;
        }

        @Override
        public void handleMessage(Message message) {
            OutputStream out = message.getContent(OutputStream.class);
            if (out != null && profile.throttled()) {
                message.setContent(OutputStream.class, new ThrottledOutputStream(out, profile, counters));
            }
        }
    }

    /** The truncated-answer fault of image retrieves: the response body ends after the profile's byte count. */
    static final class TruncateImages extends AbstractPhaseInterceptor<Message> {
        private final FaultProfile profile;

        TruncateImages(FaultProfile profile) {
            super(Phase.PREPARE_SEND);
            addAfter(MessageSenderInterceptor.class.getName());
            this.profile = profile;
        }

        @Override
        public void handleMessage(Message message) {
            OutputStream out = message.getContent(OutputStream.class);
            long limit = profile.truncateImagesAfter();
            if (out != null && limit > 0) {
                message.setContent(OutputStream.class, new TruncatingOutputStream(out, limit));
            }
        }
    }
}
