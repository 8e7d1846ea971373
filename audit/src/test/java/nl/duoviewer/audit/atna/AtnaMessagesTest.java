package nl.duoviewer.audit.atna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.unmarshal.dicom.DICOMAuditParser;
import org.xml.sax.SAXException;

import nl.duoviewer.audit.event.AccessEvent;
import nl.duoviewer.audit.event.Action;
import nl.duoviewer.audit.event.Institution;
import nl.duoviewer.audit.event.Outcome;
import nl.duoviewer.audit.event.Requester;

class AtnaMessagesTest {

    static final Requester DOCTOR = new Requester("900012345", "01.015", "00001234", "Ziekenhuis Oost", "TREAT");
    static final String BSN = "999999011";

    private final AtnaMessages messages = new AtnaMessages("ws-radiologie-07", "4242");

    /** A fully filled event of each kind, as the viewer records them. */
    static AccessEvent sample(Action action) {
        var b = AccessEvent.builder(Instant.parse("2026-12-03T10:15:30.123Z"), action, DOCTOR, BSN)
                .institution(new Institution("Ziekenhuis West", "00005678"))
                .community("urn:oid:2.16.528.1.1007.3.3.1.1")
                .endpoint("https://gateway.example.nl/xca/iti38")
                .outcome(Outcome.SUCCESS);
        return switch (action) {
            case LOCALISATION -> b.transaction("ITI-56").endpoint("https://mitz.example.nl/open")
                    .query("RequestedPatientId " + BSN).detail("3 locations").build();
            case CONSENT_QUESTION -> b.transaction("XACML").decision("Permit").query("GGC002").build();
            case CONSENT_GATE -> b.transaction("CONSENT-GATE").outcome(Outcome.DENIED)
                    .detail("institution not in localisation answer").build();
            case QUERY -> b.transaction("ITI-38").query("FindDocuments urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d")
                    .detail("4 studies, 2 reports").build();
            case DOCUMENT_RETRIEVE -> b.transaction("ITI-39").repository("1.2.3.4.5")
                    .documents(List.of("1.2.3.4.5.6.7")).studies(List.of("1.2.3.99")).build();
            case IMAGING_RETRIEVE -> b.transaction("RAD-75").repository("1.2.3.4.5").studies(List.of("1.2.3.99"))
                    .series(List.of("1.2.3.99.1")).outcome(Outcome.PARTIAL).detail("10/12").build();
            case WADO_RETRIEVE -> b.transaction("WADO-RS").endpoint("https://wado.example.nl/studies/1.2.3.99")
                    .studies(List.of("1.2.3.99")).series(List.of("1.2.3.99.1")).build();
            case PATIENT_OPEN, PATIENT_CLOSE -> AccessEvent.builder(Instant.parse("2026-12-03T10:15:30Z"), action,
                    DOCTOR, BSN).build();
            case STUDY_DISPLAY -> b.studies(List.of("1.2.3.99")).build();
            case REPORT_DISPLAY -> b.documents(List.of("1.2.3.4.5.6.8")).build();
            case EXPORT -> b.endpoint("file:///media/usb/export").studies(List.of("1.2.3.99")).build();
        };
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void everyActionGivesASchemaValidMessageWithWhoWhatAndWhichPatient(Action action) throws Exception {
        String xml = messages.toXml(sample(action));
        AuditSchema.validate(xml);
        assertFalse(xml.contains("\n"), "one line, fit for a syslog record and the local log");
        assertTrue(xml.contains(BSN + "^^^&amp;2.16.840.1.113883.2.4.6.3&amp;ISO"), "the full BSN: " + xml);
        assertTrue(xml.contains("900012345^^^&amp;2.16.528.1.1007.3.1&amp;ISO"), "the UZI number: " + xml);
        assertTrue(xml.contains("csd-code=\"01.015\""), "the role: " + xml);
        assertTrue(xml.contains("AuditEnterpriseSiteID=\"00001234\""), "the URA: " + xml);
        assertTrue(xml.contains("ws-radiologie-07"), "the workstation: " + xml);
        AuditMessage parsed = new DICOMAuditParser().parse(xml, true);
        assertTrue(parsed.getActiveParticipants().stream().anyMatch(p -> p.isUserIsRequestor()
                && p.getUserID().startsWith("900012345")), "the human requestor is the requestor");
    }

    @Test
    void theIheTransactionIsTheEventType() {
        assertEquals("ITI-38", type(Action.QUERY));
        assertEquals("ITI-39", type(Action.DOCUMENT_RETRIEVE));
        assertEquals("RAD-75", type(Action.IMAGING_RETRIEVE));
        assertEquals("RAD-107", type(Action.WADO_RETRIEVE));
        assertEquals("ITI-56", type(Action.LOCALISATION));
        assertEquals("ITI-79", type(Action.CONSENT_QUESTION));
        assertEquals("110112", messages.toMessage(sample(Action.QUERY)).getEventIdentification().getEventID()
                .getCode(), "Query");
        assertEquals("110107", messages.toMessage(sample(Action.DOCUMENT_RETRIEVE)).getEventIdentification()
                .getEventID().getCode(), "Import");
        assertEquals("110103", messages.toMessage(sample(Action.STUDY_DISPLAY)).getEventIdentification()
                .getEventID().getCode(), "DICOM Instances Accessed");
        assertEquals("110106", messages.toMessage(sample(Action.EXPORT)).getEventIdentification()
                .getEventID().getCode(), "Export");
        assertEquals("110110", messages.toMessage(sample(Action.PATIENT_OPEN)).getEventIdentification()
                .getEventID().getCode(), "Patient Record");
    }

    @Test
    void theConsentDecisionAndTheInstitutionAreInTheMessage() {
        String xml = messages.toXml(sample(Action.CONSENT_QUESTION));
        assertTrue(xml.contains("Permit"), xml);
        assertTrue(xml.contains("type=\"URA\" value=\"" + base64("00005678")), "the data holder's URA: " + xml);
        assertTrue(xml.contains("value=\"" + base64("urn:oid:2.16.528.1.1007.3.3.1.1")), "the community: " + xml);
    }

    @Test
    void aQidoRsSearchOfTheHospitalsOwnPacsIsAnRad129QueryWithoutCommunity() throws Exception {
        AccessEvent e = AccessEvent.builder(Instant.parse("2026-12-03T10:15:30Z"), Action.QUERY, DOCTOR, BSN)
                .transaction("QIDO-RS").institution(new Institution("Radiologie (PACS)", "00001234"))
                .endpoint("https://pacs.example.nl/dicom-web/studies").query("PatientID=" + BSN)
                .detail("3 results").build();
        String xml = messages.toXml(e);
        AuditSchema.validate(xml);
        assertEquals("RAD-129", messages.toMessage(e).getEventIdentification().getEventTypeCode().getFirst()
                .getCode());
        assertFalse(xml.contains(base64("urn:oid:")), "no DUO community: " + xml);
    }

    @Test
    void aStoredQueryIsNamedByItsId() {
        assertTrue(messages.toMessage(sample(Action.QUERY)).getParticipantObjectIdentifications().stream()
                .anyMatch(p -> p.getParticipantObjectID().equals("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d")));
    }

    @Test
    void theEventTimeIsWhenItHappened() {
        assertEquals(Instant.parse("2026-12-03T10:15:30.123Z"), messages.toMessage(sample(Action.QUERY))
                .getEventIdentification().getEventDateTime());
    }

    @Test
    void freeTextCannotBreakTheLine() {
        AccessEvent e = AccessEvent.builder(Instant.now(), Action.QUERY, DOCTOR, BSN)
                .detail("line one\nline two\r\tend").build();
        assertFalse(messages.toXml(e).contains("\n"));
    }

    @Test
    void theSchemaRejectsABrokenMessage() {
        String xml = messages.toXml(sample(Action.QUERY)).replace("<EventIdentification", "<EventIdentifikation")
                .replace("</EventIdentification>", "</EventIdentifikation>");
        assertThrows(SAXException.class, () -> AuditSchema.validate(xml));
    }

    @Test
    void aBsnIsNineDigitsAndNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> AccessEvent.builder(Instant.now(), Action.QUERY, DOCTOR,
                "12345").build());
        assertFalse(sample(Action.QUERY).toString().contains(BSN));
    }

    static String base64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String type(Action action) {
        return messages.toMessage(sample(action)).getEventIdentification().getEventTypeCode().getFirst().getCode();
    }
}
