package nl.duoviewer.app.soak;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import nl.duoviewer.audit.log.AuditLog;
import nl.duoviewer.audit.log.LogRecord;

/**
 * The retrieval events of a workstation audit log, read back from the DICOM audit messages the log holds: for each,
 * the IHE transaction (EventTypeCode), the outcome, the endpoint it went to (the destination participant) and the
 * patient (BSN of the patient participant object). What the soak counts against the servers' own counters.
 */
final class AuditedRetrievals {

    /** The retrieval transactions, as their EventTypeCode in the audit message. */
    enum Kind {
        DOCUMENT("ITI-39", "ITI-43"), IMAGING("RAD-75", "RAD-69"), WADO("RAD-107");

        private final List<String> codes;

        Kind(String... codes) {
            this.codes = List.of(codes);
        }

        static Kind of(String code) {
            for (Kind k : values()) {
                if (k.codes.contains(code)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * One retrieval as audited.
     *
     * @param kind        which transaction
     * @param community   the community key in the endpoint's path (e.g. {@code founda})
     * @param outcome     EventOutcomeIndicator: 0 success, 4 minor, 8 serious failure
     * @param description EventOutcomeDescription (outcome, institution, detail), empty on success without detail
     * @param patientBsn  the patient the event names
     */
    record Event(Kind kind, String community, int outcome, String description, String patientBsn) {

        /** True when the request never reached the server (connection refused). */
        boolean unreached() {
            String d = description.toLowerCase(Locale.ROOT);
            return d.contains("not reachable") || d.contains("connection refused");
        }
    }

    /** RoleIDCode of the participant a request went to (DCM 110152 Destination Role ID). */
    private static final String DESTINATION = "110152";

    private final List<Event> events;
    private final long allEvents;

    private AuditedRetrievals(List<Event> events, long allEvents) {
        this.events = List.copyOf(events);
        this.allEvents = allEvents;
    }

    static AuditedRetrievals read(AuditLog log) throws IOException {
        List<Event> out = new ArrayList<>();
        long all = 0;
        long offset = 0;
        while (true) {
            List<AuditLog.Positioned> batch = log.readFrom(offset, 2000);
            if (batch.isEmpty()) {
                break;
            }
            for (AuditLog.Positioned p : batch) {
                if (p.record().kind() == LogRecord.Kind.EVENT) {
                    all++;
                    Event e = parse(p.record().content());
                    if (e != null) {
                        out.add(e);
                    }
                }
            }
            offset = batch.getLast().end();
        }
        return new AuditedRetrievals(out, all);
    }

    List<Event> events() {
        return events;
    }

    /** Every event of the log, retrievals or not. */
    long allEvents() {
        return allEvents;
    }

    /** Retrieval events per community and kind, e.g. {@code founda RAD-75 -> 12}. */
    Map<String, Long> counts(boolean reachedOnly) {
        Map<String, Long> out = new TreeMap<>();
        for (Event e : events) {
            if (!reachedOnly || !e.unreached()) {
                out.merge(e.community() + " " + e.kind(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** Failed retrieval events (outcome not success) per community and kind. */
    Map<String, Long> failures(boolean reachedOnly) {
        Map<String, Long> out = new TreeMap<>();
        for (Event e : events) {
            if (e.outcome() != 0 && (!reachedOnly || !e.unreached())) {
                out.merge(e.community() + " " + e.kind(), 1L, Long::sum);
            }
        }
        return out;
    }

    private static Event parse(String xml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("an audit record is not a readable audit message", e);
        }
        Element type = first(doc, "EventTypeCode");
        Kind kind = type == null ? null : Kind.of(type.getAttribute("csd-code"));
        if (kind == null) {
            return null;
        }
        Element id = first(doc, "EventIdentification");
        Element description = first(doc, "EventOutcomeDescription");
        String endpoint = null;
        NodeList participants = doc.getElementsByTagName("ActiveParticipant");
        for (int i = 0; i < participants.getLength() && endpoint == null; i++) {
            Element p = (Element) participants.item(i);
            NodeList roles = p.getElementsByTagName("RoleIDCode");
            for (int k = 0; k < roles.getLength(); k++) {
                if (DESTINATION.equals(((Element) roles.item(k)).getAttribute("csd-code"))) {
                    endpoint = p.getAttribute("UserID");
                }
            }
        }
        String patient = "";
        NodeList objects = doc.getElementsByTagName("ParticipantObjectIdentification");
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            if ("1".equals(o.getAttribute("ParticipantObjectTypeCode"))
                    && "1".equals(o.getAttribute("ParticipantObjectTypeCodeRole"))) {
                String cx = o.getAttribute("ParticipantObjectID");
                patient = cx.contains("^") ? cx.substring(0, cx.indexOf('^')) : cx;
            }
        }
        if (endpoint == null) {
            throw new IllegalStateException("a retrieval audit message without its destination: " + xml);
        }
        String path = URI.create(endpoint).getPath();
        String community = path.length() > 1 ? path.substring(1, path.indexOf('/', 1) < 0 ? path.length()
                : path.indexOf('/', 1)) : "";
        return new Event(kind, community, Integer.parseInt(id.getAttribute("EventOutcomeIndicator")),
                description == null ? "" : description.getTextContent(), patient);
    }

    private static Element first(Document doc, String name) {
        NodeList l = doc.getElementsByTagName(name);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }
}
