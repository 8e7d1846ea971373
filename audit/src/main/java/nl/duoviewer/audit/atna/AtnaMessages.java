package nl.duoviewer.audit.atna;

import java.util.ArrayList;
import java.util.List;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.openehealth.ipf.commons.audit.codes.ActiveParticipantRoleIdCode;
import org.openehealth.ipf.commons.audit.codes.AuditSourceType;
import org.openehealth.ipf.commons.audit.codes.EventActionCode;
import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.audit.codes.EventTypeCode;
import org.openehealth.ipf.commons.audit.codes.MediaTypeCode;
import org.openehealth.ipf.commons.audit.codes.NetworkAccessPointTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectIdTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCodeRole;
import org.openehealth.ipf.commons.audit.event.BaseAuditMessageBuilder;
import org.openehealth.ipf.commons.audit.event.DataExportBuilder;
import org.openehealth.ipf.commons.audit.event.DicomInstancesAccessedBuilder;
import org.openehealth.ipf.commons.audit.event.PatientRecordBuilder;
import org.openehealth.ipf.commons.audit.event.SecurityAlertBuilder;
import org.openehealth.ipf.commons.audit.marshal.dicom.Current;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.model.TypeValuePairType;
import org.openehealth.ipf.commons.audit.types.ActiveParticipantRoleId;
import org.openehealth.ipf.commons.audit.types.EventType;
import org.openehealth.ipf.commons.audit.types.ParticipantObjectIdType;
import org.openehealth.ipf.commons.audit.types.PurposeOfUse;
import org.openehealth.ipf.commons.ihe.core.atna.AuditDataset;
import org.openehealth.ipf.commons.ihe.core.atna.event.DefaultPHIImportBuilder;
import org.openehealth.ipf.commons.ihe.core.atna.event.DefaultQueryInformationBuilder;
import org.openehealth.ipf.commons.ihe.core.atna.event.DicomInstancesAccessedAuditBuilder;
import org.openehealth.ipf.commons.ihe.core.atna.event.IHEAuditMessageBuilder;

import nl.duoviewer.audit.event.AccessEvent;
import nl.duoviewer.audit.event.Outcome;
import nl.duoviewer.audit.event.Requester;

/**
 * Turns an {@link AccessEvent} into a DICOM PS3.15 Annex A.5 audit message (the IHE ATNA format) with IPF's
 * builders: the IHE transaction builders of {@code ipf-commons-ihe-core} for what the viewer sends over the network,
 * the DICOM event builders of {@code ipf-commons-audit} for what happens on the workstation.
 *
 * <table>
 * <caption>Event per action</caption>
 * <tr><th>action</th><th>EventID</th><th>EventTypeCode</th></tr>
 * <tr><td>LOCALISATION</td><td>110112 Query</td><td>ITI-56 Patient Location Query</td></tr>
 * <tr><td>CONSENT_QUESTION</td><td>110112 Query</td><td>ITI-79 Authorization Decisions Query (XACML)</td></tr>
 * <tr><td>CONSENT_GATE</td><td>110113 Security Alert</td><td>110144 Authorization Decision</td></tr>
 * <tr><td>QUERY</td><td>110112 Query</td><td>ITI-38 / ITI-18 (ITI TF-2 3.38.5.1, 3.18.5.1); RAD-129 QIDO-RS Query
 * for the hospital's own PACS</td></tr>
 * <tr><td>DOCUMENT_RETRIEVE</td><td>110107 Import</td><td>ITI-39 / ITI-43 (ITI TF-2 3.39.5.1, 3.43.5.1)</td></tr>
 * <tr><td>IMAGING_RETRIEVE</td><td>110103 DICOM Instances Accessed</td><td>RAD-75 / RAD-69 (as IPF's RAD-69/75
 * client strategies)</td></tr>
 * <tr><td>WADO_RETRIEVE</td><td>110103 DICOM Instances Accessed</td><td>RAD-107 WADO-RS Retrieve</td></tr>
 * <tr><td>PATIENT_OPEN / PATIENT_CLOSE</td><td>110110 Patient Record (R / E)</td><td>DUO-PATIENT-OPEN / -CLOSE</td></tr>
 * <tr><td>STUDY_DISPLAY</td><td>110103 DICOM Instances Accessed (R)</td><td>DUO-STUDY-DISPLAY</td></tr>
 * <tr><td>REPORT_DISPLAY</td><td>110110 Patient Record (R)</td><td>DUO-REPORT-DISPLAY</td></tr>
 * <tr><td>EXPORT</td><td>110106 Export (R)</td><td>DUO-EXPORT</td></tr>
 * </table>
 * Every message names the human requestor (UZI number as ISO CX, UZI role code), the viewer process on the
 * workstation (host name as network access point), the patient (BSN as ISO CX) and, as audit source, the workstation
 * with the requester's URA as enterprise site.
 */
public final class AtnaMessages {

    /** Code system name of the IHE transaction codes in audit messages. */
    static final String IHE_TRANSACTIONS = "IHE Transactions";
    /** Code system name of the viewer's own event type codes. */
    public static final String VIEWER_CODES = "DUO Timeline Viewer";

    static final EventType ITI_56 = EventType.of("ITI-56", IHE_TRANSACTIONS, "Patient Location Query");
    static final EventType ITI_79 = EventType.of("ITI-79", IHE_TRANSACTIONS, "Authorization Decisions Query");
    static final EventType ITI_38 = EventType.of("ITI-38", IHE_TRANSACTIONS, "Cross Gateway Query");
    static final EventType ITI_18 = EventType.of("ITI-18", IHE_TRANSACTIONS, "Registry Stored Query");
    static final EventType ITI_39 = EventType.of("ITI-39", IHE_TRANSACTIONS, "Cross Gateway Retrieve");
    static final EventType ITI_43 = EventType.of("ITI-43", IHE_TRANSACTIONS, "Retrieve Document Set");
    static final EventType RAD_69 = EventType.of("RAD-69", IHE_TRANSACTIONS, "Retrieve Imaging Document Set");
    static final EventType RAD_75 = EventType.of("RAD-75", IHE_TRANSACTIONS,
            "Cross Gateway Retrieve Imaging Document Set");
    static final EventType RAD_107 = EventType.of("RAD-107", IHE_TRANSACTIONS, "WADO-RS Retrieve");
    static final EventType RAD_129 = EventType.of("RAD-129", IHE_TRANSACTIONS, "QIDO-RS Query");
    static final EventType PATIENT_OPEN = EventType.of("DUO-PATIENT-OPEN", VIEWER_CODES, "Patient opened");
    static final EventType PATIENT_CLOSE = EventType.of("DUO-PATIENT-CLOSE", VIEWER_CODES, "Patient closed");
    static final EventType STUDY_DISPLAY = EventType.of("DUO-STUDY-DISPLAY", VIEWER_CODES, "Study displayed");
    static final EventType REPORT_DISPLAY = EventType.of("DUO-REPORT-DISPLAY", VIEWER_CODES, "Report displayed");
    static final EventType EXPORT = EventType.of("DUO-EXPORT", VIEWER_CODES, "Exported");

    private static final String APPLICATION = "duoviewer";

    private final String workstation;
    private final String processId;

    /**
     * @param workstation the host name of this workstation (network access point of the viewer and audit source)
     * @param processId   the viewer's process id (AlternativeUserID of the viewer, as IHE asks)
     */
    public AtnaMessages(String workstation, String processId) {
        this.workstation = workstation;
        this.processId = processId;
    }

    /** The message as DICOM audit XML on one line (no pretty printing: a syslog record is one line). */
    public String toXml(AccessEvent e) {
        // the serialiser ends the document with a line break; a syslog record and a log line hold none
        return Current.toString(toMessage(e), false).strip();
    }

    /** The message, validated by IPF against the DICOM rules for its kind. */
    public AuditMessage toMessage(AccessEvent e) {
        AuditMessage m = switch (e.action()) {
            case LOCALISATION -> query(e, ITI_56, ParticipantObjectIdType.of("ITI-56", IHE_TRANSACTIONS,
                    "Patient Location Query"));
            case CONSENT_QUESTION -> query(e, ITI_79, ParticipantObjectIdType.of("ITI-79", IHE_TRANSACTIONS,
                    "Authorization Decisions Query"));
            case QUERY -> {
                EventType t = switch (e.transaction()) {
                    case "ITI-18" -> ITI_18;
                    case "QIDO-RS" -> RAD_129; // the hospital's own PACS
                    default -> ITI_38;
                };
                yield query(e, t, ParticipantObjectIdType.of(t));
            }
            case DOCUMENT_RETRIEVE -> documentImport(e);
            case IMAGING_RETRIEVE -> instancesRetrieved(e, "RAD-69".equals(e.transaction()) ? RAD_69 : RAD_75);
            case WADO_RETRIEVE -> instancesRetrieved(e, RAD_107);
            case CONSENT_GATE -> consentGate(e);
            case PATIENT_OPEN -> patientRecord(e, EventActionCode.Read, PATIENT_OPEN);
            case PATIENT_CLOSE -> patientRecord(e, EventActionCode.Execute, PATIENT_CLOSE);
            case REPORT_DISPLAY -> patientRecord(e, EventActionCode.Read, REPORT_DISPLAY);
            case STUDY_DISPLAY -> studyDisplay(e);
            case EXPORT -> export(e);
        };
        // IPF stamps the time of building; the audit states when it happened
        m.getEventIdentification().setEventDateTime(e.time());
        m.validate();
        return m;
    }

    // --- network transactions: IPF's IHE builders ---------------------------------------------------------------

    private AuditMessage query(AccessEvent e, EventType type, ParticipantObjectIdType queryType) {
        List<TypeValuePairType> details = new ArrayList<>();
        var b = new DefaultQueryInformationBuilder(context(e), dataset(e), type, purposes(e));
        details.add(b.getTypeValuePair(IHEAuditMessageBuilder.QUERY_ENCODING, "UTF-8"));
        if (!e.homeCommunityId().isEmpty()) {
            details.add(b.getTypeValuePair(IHEAuditMessageBuilder.URN_IHE_ITI_XCA_2010_HOME_COMMUNITY_ID,
                    e.homeCommunityId()));
        }
        if (e.institution() != null && !e.institution().ura().isEmpty()) {
            details.add(b.getTypeValuePair("URA", e.institution().ura()));
        }
        if (!e.decision().isEmpty()) {
            details.add(b.getTypeValuePair("Decision", e.decision()));
        }
        return b.addPatients(e.patientCx())
                .setQueryParameters(queryId(e, type), queryType, e.query(), details)
                .getMessage();
    }

    /** The stored query's id when the query names one (ITI-38/18: FindDocuments), else the transaction. */
    private static String queryId(AccessEvent e, EventType type) {
        for (String token : e.query().split("\\s+")) {
            if (token.startsWith("urn:uuid:")) {
                return token;
            }
        }
        return e.transaction().isEmpty() ? type.getCode() : e.transaction();
    }

    private AuditMessage documentImport(AccessEvent e) {
        boolean crossGateway = !"ITI-43".equals(e.transaction());
        var b = new DefaultPHIImportBuilder(context(e), dataset(e), EventActionCode.Create,
                crossGateway ? ITI_39 : ITI_43, purposes(e)).setPatient(e.patientCx());
        for (String doc : e.documentUids()) {
            List<TypeValuePairType> details = new ArrayList<>(b.documentDetails(blankToNull(e.repositoryUniqueId()),
                    blankToNull(e.homeCommunityId()), null, e.studyUids().isEmpty() ? null : e.studyUids().getFirst(),
                    false));
            institutionDetail(b, e, details);
            b.addImportedEntity(doc, ParticipantObjectIdTypeCode.ReportNumber, ParticipantObjectTypeCodeRole.Report,
                    details);
        }
        return b.getMessage();
    }

    private AuditMessage instancesRetrieved(AccessEvent e, EventType type) {
        var b = new DicomInstancesAccessedAuditBuilder<>(context(e), dataset(e), indicator(e.outcome()),
                description(e), EventActionCode.Create, type, purposes(e)).setPatient(e.patientCx());
        for (String study : e.studyUids()) {
            List<TypeValuePairType> details = new ArrayList<>(b.dicomDetails(blankToNull(e.repositoryUniqueId()),
                    blankToNull(e.homeCommunityId()), null, e.seriesUids().isEmpty() ? null : String.join(",",
                            e.seriesUids()), true));
            institutionDetail(b, e, details);
            b.addTransferredStudyParticipantObject(study, details);
        }
        return b.getMessage();
    }

    private static void institutionDetail(IHEAuditMessageBuilder<?, ?> b, AccessEvent e,
                                          List<TypeValuePairType> details) {
        if (e.institution() != null && !e.institution().ura().isEmpty()) {
            details.add(b.getTypeValuePair("URA", e.institution().ura()));
        }
    }

    private ClientDataset dataset(AccessEvent e) {
        return new ClientDataset(workstation, e.endpoint().isEmpty() ? "UNKNOWN" : e.endpoint(), human(e.requester()),
                indicator(e.outcome()), description(e));
    }

    private static AuditDataset.HumanUser human(Requester r) {
        return new AuditDataset.HumanUser(r.uziCx(), r.organisationName().isEmpty() ? null
                : r.organisationName(), List.of(role(r)));
    }

    // --- the workstation's own events: IPF's DICOM builders -------------------------------------------------------

    private AuditMessage consentGate(AccessEvent e) {
        var b = new SecurityAlertBuilder(indicator(e.outcome()), description(e), EventTypeCode.AuthorizationDecision);
        b.setAuditSource(context(e));
        humanRequestor(b, e.requester());
        viewerProcess(b);
        b.addPatientParticipantObject(e.patientCx(), null, List.of(), null);
        String subject = e.institution() != null && !e.institution().ura().isEmpty()
                ? "urn:oid:" + Requester.URA_OID + "." + e.institution().ura()
                : e.homeCommunityId().isEmpty() ? "UNKNOWN" : e.homeCommunityId();
        b.addAlertUriSubjectParticipantObject(subject, ParticipantObjectTypeCodeRole.SecurityResource,
                e.decision().isEmpty() ? e.outcome().name() : e.decision());
        return b.getMessage();
    }

    private AuditMessage patientRecord(AccessEvent e, EventActionCode action, EventType type) {
        var b = new PatientRecordBuilder(indicator(e.outcome()), description(e), action, type, purposes(e));
        b.setAuditSource(context(e));
        humanRequestor(b, e.requester());
        viewerProcess(b);
        b.addPatientParticipantObject(e.patientCx(), null, List.of(), null);
        for (String doc : e.documentUids()) {
            b.addParticipantObjectIdentification(ParticipantObjectIdTypeCode.ReportNumber, null, null,
                    objectDetails(b, e), doc, ParticipantObjectTypeCode.System, ParticipantObjectTypeCodeRole.Report,
                    null, null);
        }
        return b.getMessage();
    }

    private AuditMessage studyDisplay(AccessEvent e) {
        var b = new DicomInstancesAccessedBuilder(indicator(e.outcome()), description(e), EventActionCode.Read,
                STUDY_DISPLAY, purposes(e));
        b.setAuditSource(context(e));
        humanRequestor(b, e.requester());
        viewerProcess(b);
        b.setPatientParticipantObject(e.patientCx(), null);
        for (String study : e.studyUids()) {
            b.addStudyParticipantObject(study, objectDetails(b, e));
        }
        return b.getMessage();
    }

    private AuditMessage export(AccessEvent e) {
        var b = new DataExportBuilder(indicator(e.outcome()), description(e), EventActionCode.Read, EXPORT,
                purposes(e));
        b.setAuditSource(context(e));
        humanRequestor(b, e.requester());
        // the destination (a file, a printer, another system) as a URI, the one media type that fits them all
        String destination = e.endpoint().isEmpty() ? "UNKNOWN" : e.endpoint();
        b.setDestinationMediaParticipant(destination, null, null, workstation,
                NetworkAccessPointTypeCode.MachineName, destination, MediaTypeCode.URI);
        // the viewer exports: it is the source of the data leaving the workstation
        b.addActiveParticipant(APPLICATION, processId, null, false,
                List.of(ActiveParticipantRoleIdCode.Source, ActiveParticipantRoleIdCode.Application), workstation,
                NetworkAccessPointTypeCode.MachineName, null, null);
        b.addPatientParticipantObject(e.patientCx(), null, List.of(), null);
        for (String study : e.studyUids()) {
            b.addStudyParticipantObject(study, objectDetails(b, e));
        }
        return b.getMessage();
    }

    private List<TypeValuePairType> objectDetails(BaseAuditMessageBuilder<?> b, AccessEvent e) {
        List<TypeValuePairType> details = new ArrayList<>();
        if (!e.homeCommunityId().isEmpty()) {
            details.add(b.getTypeValuePair(IHEAuditMessageBuilder.URN_IHE_ITI_XCA_2010_HOME_COMMUNITY_ID,
                    e.homeCommunityId()));
        }
        if (e.institution() != null && !e.institution().ura().isEmpty()) {
            details.add(b.getTypeValuePair("URA", e.institution().ura()));
        }
        return details;
    }

    private static void humanRequestor(BaseAuditMessageBuilder<?> b, Requester r) {
        b.addActiveParticipant(r.uziCx(), null, blankToNull(r.organisationName()), true, List.of(role(r)), null);
    }

    private void viewerProcess(BaseAuditMessageBuilder<?> b) {
        b.addActiveParticipant(APPLICATION, processId, null, false,
                List.of(ActiveParticipantRoleIdCode.Application), workstation,
                NetworkAccessPointTypeCode.MachineName, null, null);
    }

    // --- common parts -------------------------------------------------------------------------------------------

    private AuditContext context(AccessEvent e) {
        DefaultAuditContext c = new DefaultAuditContext();
        c.setAuditSourceId(workstation);
        c.setAuditEnterpriseSiteId(e.requester().ura());
        c.setAuditSource(AuditSourceType.EndUserInterface);
        return c;
    }

    private static ActiveParticipantRoleId role(Requester r) {
        return ActiveParticipantRoleId.of(r.roleCode(), Requester.ROLE_CODE_SYSTEM, "UZI role " + r.roleCode());
    }

    private static PurposeOfUse[] purposes(AccessEvent e) {
        String p = e.requester().purposeOfUse();
        return p.isEmpty() ? new PurposeOfUse[0]
                : new PurposeOfUse[] {PurposeOfUse.of(p, Requester.PURPOSE_OF_USE_SYSTEM, p)};
    }

    static EventOutcomeIndicator indicator(Outcome o) {
        return switch (o) {
            case SUCCESS -> EventOutcomeIndicator.Success;
            case PARTIAL, DENIED -> EventOutcomeIndicator.MinorFailure;
            case FAILURE -> EventOutcomeIndicator.SeriousFailure;
        };
    }

    private static String description(AccessEvent e) {
        StringBuilder s = new StringBuilder();
        if (e.outcome() != Outcome.SUCCESS) {
            s.append(e.outcome().name());
        }
        if (!e.decision().isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append("decision ").append(e.decision());
        }
        if (e.institution() != null) {
            s.append(s.isEmpty() ? "" : "; ").append(e.institution().name());
        }
        if (!e.detail().isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append(e.detail());
        }
        // free text from the network: no line breaks or control characters in a one-line record
        return s.isEmpty() ? null : s.toString().replaceAll("\\p{Cntrl}", " ");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
