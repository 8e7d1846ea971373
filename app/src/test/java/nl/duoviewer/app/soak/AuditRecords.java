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
 * The events of a workstation audit log, read back from the DICOM audit messages the log holds: for each, its
 * EventTypeCode (the IHE transaction, or the viewer's own code such as {@code DUO-STUDY-DISPLAY}), the outcome, the
 * community of the endpoint a request went to (the destination participant), the patient (BSN of the patient
 * participant object) and the studies it names. The soaks count retrievals against the servers' own counters and
 * check which patient's studies were shown.
 */
public final class AuditRecords {

    /** The retrieval transactions, as their EventTypeCode in the audit message. */
    public enum Kind {
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
     * One audited event.
     *
     * @param type        the EventTypeCode's code, e.g. RAD-75 or DUO-STUDY-DISPLAY
     * @param community   for a request: the community key in the endpoint's path (e.g. {@code founda}); else empty
     * @param outcome     EventOutcomeIndicator: 0 success, 4 minor, 8 serious failure
     * @param description EventOutcomeDescription (outcome, institution, detail), empty on success without detail
     * @param patientBsn  the patient the event names
     * @param studies     the Study Instance UIDs it names
     */
    public record Event(String type, String community, int outcome, String description, String patientBsn,
                        List<String> studies) {

        /** The retrieval transaction, or null for any other event. */
        public Kind kind() {
            return Kind.of(type);
        }

        /** True when the request never reached the server (connection refused). */
        boolean unreached() {
            String d = description.toLowerCase(Locale.ROOT);
            return d.contains("not reachable") || d.contains("connection refused");
        }
    }

    /** RoleIDCode of the participant a request went to (DCM 110152 Destination Role ID). */
    private static final String DESTINATION = "110152";

    /** DCM 110180: the ParticipantObjectIDTypeCode of a Study Instance UID. */
    private static final String STUDY_UID = "110180";

    private final List<Event> events;

    private AuditRecords(List<Event> events) {
        this.events = List.copyOf(events);
    }

    public static AuditRecords read(AuditLog log) throws IOException {
        List<Event> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            List<AuditLog.Positioned> batch = log.readFrom(offset, 2000);
            if (batch.isEmpty()) {
                break;
            }
            for (AuditLog.Positioned p : batch) {
                if (p.record().kind() == LogRecord.Kind.EVENT) {
                    out.add(parse(p.record().content()));
                }
            }
            offset = batch.getLast().end();
        }
        return new AuditRecords(out);
    }

    /** Every event of the log, in order. */
    public List<Event> all() {
        return events;
    }

    /** The retrieval events. */
    public List<Event> retrievals() {
        return events.stream().filter(e -> e.kind() != null).toList();
    }

    /** Retrieval events per community and kind, e.g. {@code founda RAD-75 -> 12}. */
    public Map<String, Long> counts(boolean reachedOnly) {
        Map<String, Long> out = new TreeMap<>();
        for (Event e : retrievals()) {
            if (!reachedOnly || !e.unreached()) {
                out.merge(e.community() + " " + e.kind(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** Failed retrieval events (outcome not success) per community and kind. */
    public Map<String, Long> failures(boolean reachedOnly) {
        Map<String, Long> out = new TreeMap<>();
        for (Event e : retrievals()) {
            if (e.outcome() != 0 && (!reachedOnly || !e.unreached())) {
                out.merge(e.community() + " " + e.kind(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** One record's audit message as an event. */
    public static Event parse(String xml) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("an audit record is not a readable audit message", e);
        }
        Element type = first(doc, "EventTypeCode");
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
        List<String> studies = new ArrayList<>();
        NodeList objects = doc.getElementsByTagName("ParticipantObjectIdentification");
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            String oid = o.getAttribute("ParticipantObjectID");
            if ("1".equals(o.getAttribute("ParticipantObjectTypeCode"))
                    && "1".equals(o.getAttribute("ParticipantObjectTypeCodeRole"))) {
                patient = oid.contains("^") ? oid.substring(0, oid.indexOf('^')) : oid;
            }
            Element idType = first(o, "ParticipantObjectIDTypeCode");
            if (idType != null && STUDY_UID.equals(idType.getAttribute("csd-code"))) {
                studies.add(oid);
            }
        }
        String code = type == null ? "" : type.getAttribute("csd-code");
        if (Kind.of(code) != null && endpoint == null) {
            throw new IllegalStateException("a retrieval audit message without its destination: " + xml);
        }
        String community = "";
        if (endpoint != null && (endpoint.startsWith("http://") || endpoint.startsWith("https://"))) {
            String path = URI.create(endpoint).getPath();
            int slash = path.indexOf('/', 1);
            community = path.length() > 1 ? path.substring(1, slash < 0 ? path.length() : slash) : "";
        }
        return new Event(code, community, Integer.parseInt(id.getAttribute("EventOutcomeIndicator")),
                description == null ? "" : description.getTextContent(), patient, studies);
    }

    private static Element first(Document doc, String name) {
        return first(doc.getDocumentElement(), name);
    }

    private static Element first(Element parent, String name) {
        NodeList l = parent.getElementsByTagName(name);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }
}
