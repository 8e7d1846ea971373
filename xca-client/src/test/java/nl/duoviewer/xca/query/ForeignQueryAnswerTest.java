package nl.duoviewer.xca.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.xml.bind.JAXBContext;

import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.XCA;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Author;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ObjectReference;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.AdhocQueryRequestValidator;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.foreign.Fixtures;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Foreign ITI-38 answers through the client's own answer handling ({@link CommunityQuery} with the SOAP transport
 * replaced by the fixture): Twiin's example becomes timeline records under the community it names, whatever spelling
 * of homeCommunityId it uses; the NIST toolkit's KOS entry is judged by the same per-entry patient check as every
 * other; an ObjectRef answer is followed up with GetDocuments in bounded batches.
 */
class ForeignQueryAnswerTest {

    static final Bsn PATIENT = Bsn.parse("999999011");
    static final String TWIIN_HOME = "urn:oid:1.1.4567334.1.4";
    static final URI UNUSED = URI.create("http://127.0.0.1:9/unused");

    static CommunityEndpoint community(String hcid) {
        return new CommunityEndpoint("c", "Twiin-gemeenschap", hcid, UNUSED, UNUSED, UNUSED, null,
                Duration.ofSeconds(5));
    }

    static AdhocQueryResponse unmarshal(byte[] xml) throws Exception {
        Object o = JAXBContext.newInstance(AdhocQueryResponse.class).createUnmarshaller()
                .unmarshal(Fixtures.payload(Fixtures.parse(xml)));
        return (AdhocQueryResponse) (o instanceof jakarta.xml.bind.JAXBElement<?> j ? j.getValue() : o);
    }

    static boolean manifestQuery(AdhocQueryRequest r) {
        return r.getAdhocQuery().getSlot().stream().anyMatch(s -> s.getName().equals("$XDSDocumentEntryFormatCode"));
    }

    static AdhocQueryResponse empty() {
        return new QueryResponseTransformer(new EbXMLFactory30()).toEbXML(new QueryResponse(Status.SUCCESS))
                .getInternal();
    }

    /** Answers the manifest query with {@code answer} and the report query with nothing. */
    static CommunityQuery.Transport manifestsAnswer(AdhocQueryResponse answer) {
        return r -> manifestQuery(r) ? answer : empty();
    }

    static CommunityQuery query(String hcid, CommunityQuery.Transport transport) {
        return new CommunityQuery(community(hcid), transport, SoapTransaction.ITI_38, 0, 4, Clock.systemUTC(),
                AuditSink.NONE);
    }

    static final Predicate<SourceInstitution> LOCALISED = s -> s.homeCommunityId().equals(TWIIN_HOME)
            && s.ura().equals("00000666");

    @Test
    void twiinsAnswerBecomesAStudyWithItsReportUnderTheCommunityWhateverItsSpellingOfHome() throws Exception {
        AdhocQueryResponse answer = unmarshal(Fixtures.bytes("twiin/ITI-38-response.xml"));
        CommunityQuery.Result r = query(TWIIN_HOME, manifestsAnswer(answer)).run(PATIENT, LOCALISED);

        assertEquals(SourceStatus.State.COMPLETE, r.status().state(), r.status().message());
        assertEquals(1, r.studies().size(), "the bare-OID home still names the localised community");
        StudyRecord study = r.studies().getFirst();
        assertEquals("1.2.528.1.1001.100.2.1234.20240312.1", study.studyInstanceUid());
        assertEquals("ACC20240312001", study.accessionNumber());
        assertEquals(Set.of("CT"), study.modalities());
        assertEquals(new SourceInstitution("Ziekenhuis Voorbeeld", "00000666", TWIIN_HOME), study.source());
        assertEquals(LocalDateTime.of(2024, 3, 12, 10, 45), study.studyDateTime(), "09:45 UTC is 10:45 in NL");
        assertEquals("1.1.4567334.1.4.2", study.manifest().repositoryUniqueId());
        assertEquals(TWIIN_HOME, study.manifest().homeCommunityId(), "retrieves address the urn:oid: form");
        assertEquals(1, r.reports().size());

        Timeline timeline = new Timeline(PATIENT);
        timeline.addAll(r.studies(), r.reports());
        assertEquals(1, timeline.snapshot().entries().getFirst().reports().size(), "the report is linked");
    }

    @Test
    void theNistToolkitsKosEntryOfANonBsnPatientIsDroppedAndCountedNotShown() throws Exception {
        CommunityQuery.Result r = query(TWIIN_HOME, manifestsAnswer(unmarshal(nistKosAnswer(null))))
                .run(PATIENT, s -> true);
        assertEquals(List.of(), r.studies());
        assertEquals(SourceStatus.State.FAILED, r.status().state(), "an answer for nobody but another patient");
        assertEquals(1, r.status().droppedOtherPatient());
        assertTrue(!r.status().message().contains("IDS-AD001"), "the other identifier is never echoed");
    }

    @Test
    void theNistToolkitsKosEntryForThisPatientWithoutStudyUidIsCountedAsUnusable() throws Exception {
        // one change: the patientId names our BSN, so the entry is judged on its metadata alone
        CommunityQuery.Result r = query(TWIIN_HOME, manifestsAnswer(unmarshal(nistKosAnswer(
                "999999011^^^&amp;2.16.840.1.113883.2.4.6.3&amp;ISO")))).run(PATIENT, s -> true);
        assertEquals(SourceStatus.State.PARTIAL, r.status().state());
        assertTrue(r.status().message().contains("1 entries without usable metadata ignored"), r.status().message());
        assertEquals(0, r.status().droppedOtherPatient());
    }

    @Test
    void oneEntryOfAnotherPatientIsDroppedAndCountedAndTheRestIsShown() throws Exception {
        String twiin = Fixtures.text("twiin/ITI-38-response.xml");
        // the report entry's patientId (the second ExternalIdentifier of that scheme) names another BSN
        int report = twiin.indexOf("mimeType=\"application/pdf\"");
        String head = twiin.substring(0, report);
        String tail = twiin.substring(report).replaceFirst("value=\"999999011\\^\\^\\^",
                "value=\"999990007^^^");
        CommunityQuery.Result r = query(TWIIN_HOME, manifestsAnswer(unmarshal((head + tail).getBytes(
                StandardCharsets.UTF_8)))).run(PATIENT, LOCALISED);
        assertEquals(1, r.studies().size(), "the study of this patient is still shown");
        assertEquals(List.of(), r.reports());
        assertEquals(SourceStatus.State.PARTIAL, r.status().state());
        assertEquals(1, r.status().droppedOtherPatient());
        assertEquals("", r.status().message(), "the count is typed; the view words it");
    }

    /** Twiin's answer with one change to its first (the KOS) entry; the report entry stays this patient's. */
    static CommunityQuery.Result twiinWithKosEntryChanged(java.util.function.UnaryOperator<String> change)
            throws Exception {
        String twiin = Fixtures.text("twiin/ITI-38-response.xml");
        int report = twiin.indexOf("mimeType=\"application/pdf\"");
        String kos = change.apply(twiin.substring(0, report));
        return query(TWIIN_HOME, manifestsAnswer(unmarshal((kos + twiin.substring(report)).getBytes(
                StandardCharsets.UTF_8)))).run(PATIENT, LOCALISED);
    }

    @Test
    void anEntryWithASecondPatientIdNamingAnotherBsnIsDroppedAndCountedNotShown() throws Exception {
        // IPF's model keeps only the first patientId ExternalIdentifier, which names this patient
        CommunityQuery.Result r = twiinWithKosEntryChanged(kos -> kos.replaceFirst("</rim:ExternalIdentifier>",
                "</rim:ExternalIdentifier><rim:ExternalIdentifier id=\"urn:uuid:0b1e7c44-1a9d-4a37-8e2f-5d6c7b8a9f99\""
                + " registryObject=\"urn:uuid:3c2a7d6e-52b4-4f1d-9a0e-6f1b2c3d4e51\" identificationScheme=\""
                + "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427\" value=\"999990007^^^&amp;2.16.840.1.113883.2.4.6.3"
                + "&amp;ISO\"/>"));
        assertEquals(List.of(), r.studies(), "an entry naming two BSNs is never shown");
        assertEquals(1, r.reports().size(), "the other entry of this patient still is");
        assertEquals(SourceStatus.State.PARTIAL, r.status().state());
        assertEquals(1, r.status().droppedOtherPatient());
    }

    @Test
    void anEntryWhoseSourcePatientIdIsAnotherBsnIsDroppedAndCountedNotShown() throws Exception {
        CommunityQuery.Result r = twiinWithKosEntryChanged(kos -> kos.replaceFirst(
                "<rim:Value>999999011\\^\\^\\^", "<rim:Value>999990007^^^"));
        assertEquals(List.of(), r.studies());
        assertEquals(1, r.reports().size());
        assertEquals(1, r.status().droppedOtherPatient());
    }

    @Test
    void anEntryWithALocalRecordNumberAsSourcePatientIdIsShown() throws Exception {
        CommunityQuery.Result r = twiinWithKosEntryChanged(kos -> kos.replaceFirst(
                "<rim:Value>999999011\\^\\^\\^&amp;2.16.840.1.113883.2.4.6.3&amp;ISO",
                "<rim:Value>Z1234567^^^&amp;2.16.528.1.1007.3.3.1234&amp;ISO"));
        assertEquals(SourceStatus.State.COMPLETE, r.status().state(), r.status().message());
        assertEquals(1, r.studies().size(), "a local number names nobody else");
        assertEquals(0, r.status().droppedOtherPatient());
    }

    @Test
    void anObjectRefAnswerIsFollowedUpWithGetDocumentsInBoundedBatches() throws Exception {
        int n = 120;
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            uuids.add("urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i));
        }
        List<AdhocQueryRequest> followUps = new ArrayList<>();
        CommunityQuery.Transport transport = r -> {
            QueryRegistry q = new QueryRegistryTransformer().fromEbXML(new EbXMLAdhocQueryRequest30(r));
            QueryResponse answer = new QueryResponse(Status.SUCCESS);
            if (q.getQuery() instanceof GetDocumentsQuery g) {
                followUps.add(r);
                g.getUuids().forEach(u -> answer.getDocumentEntries().add(entry(u, uuids.indexOf(u))));
            } else if (manifestQuery(r)) {
                uuids.forEach(u -> answer.getReferences().add(new ObjectReference(u, TWIIN_HOME)));
            }
            return new QueryResponseTransformer(new EbXMLFactory30()).toEbXML(answer).getInternal();
        };
        CommunityQuery.Result r = query(TWIIN_HOME, transport).run(PATIENT, s -> true);

        assertEquals(SourceStatus.State.COMPLETE, r.status().state(), r.status().message());
        assertEquals(n, r.studies().size());
        assertEquals(List.of(50, 50, 20), followUps.stream().map(f -> f.getAdhocQuery().getSlot().getFirst()
                .getValueList().getValue().size()).toList(), "batches of at most " + CommunityQuery.LEAF_CLASS_BATCH);
        for (AdhocQueryRequest f : followUps) {
            assertEquals(TWIIN_HOME, f.getAdhocQuery().getHome());
            // what an IPF-based responding gateway checks first
            AdhocQueryRequestValidator.getInstance().validate(new EbXMLAdhocQueryRequest30(f),
                    XCA.Interactions.ITI_38);
        }
    }

    @Test
    void aGetDocumentsFollowUpEntryWhoseSourcePatientIdIsAnotherBsnIsDroppedAndCounted() throws Exception {
        String ours = "urn:uuid:00000000-0000-4000-8000-000000000001";
        String twoBsns = "urn:uuid:00000000-0000-4000-8000-000000000002";
        CommunityQuery.Transport transport = r -> {
            QueryRegistry q = new QueryRegistryTransformer().fromEbXML(new EbXMLAdhocQueryRequest30(r));
            QueryResponse answer = new QueryResponse(Status.SUCCESS);
            if (q.getQuery() instanceof GetDocumentsQuery g) {
                for (String u : g.getUuids()) {
                    DocumentEntry e = entry(u, u.equals(ours) ? 1 : 2);
                    if (u.equals(twoBsns)) {
                        e.setSourcePatientId(new Identifiable("999990007", new AssigningAuthority(Bsn.OID, "ISO")));
                    }
                    answer.getDocumentEntries().add(e);
                }
            } else if (manifestQuery(r)) {
                answer.getReferences().add(new ObjectReference(ours, TWIIN_HOME));
                answer.getReferences().add(new ObjectReference(twoBsns, TWIIN_HOME));
            }
            return new QueryResponseTransformer(new EbXMLFactory30()).toEbXML(answer).getInternal();
        };
        CommunityQuery.Result r = query(TWIIN_HOME, transport).run(PATIENT, s -> true);

        assertEquals(List.of("1.2.3.4.1"), r.studies().stream().map(s -> s.manifest().documentUniqueId()).toList());
        assertEquals(SourceStatus.State.PARTIAL, r.status().state());
        assertEquals(1, r.status().droppedOtherPatient());
    }

    /** A KOS entry of this patient, as the gateway's GetDocuments would return it. */
    static DocumentEntry entry(String uuid, int i) {
        DocumentEntry e = new DocumentEntry();
        e.setEntryUuid(uuid);
        e.setUniqueId("1.2.3.4." + i);
        Identifiable pid = new Identifiable(PATIENT.value(), new AssigningAuthority(Bsn.OID, "ISO"));
        e.setPatientId(pid);
        e.setSourcePatientId(pid);
        e.setHomeCommunityId(TWIIN_HOME);
        e.setRepositoryUniqueId("1.2.3.9");
        e.setMimeType("application/dicom");
        e.setFormatCode(new Code(XdsCodes.KOS_FORMAT_CODE, null, XdsCodes.KOS_FORMAT_SCHEME));
        e.getReferenceIdList().add(new ReferenceId("1.2.3.5." + i, null, ReferenceId.ID_TYPE_STUDY_INSTANCE_ID));
        e.setServiceStartTime(new Timestamp(ZonedDateTime.of(2020, 1, 1 + i % 28, 8, 0, 0, 0, ZoneOffset.UTC),
                Timestamp.Precision.MINUTE));
        Author a = new Author();
        a.getAuthorInstitution().add(new Organization("Ziekenhuis Voorbeeld", "00000666",
                new AssigningAuthority(SourceInstitution.URA_OID, "ISO")));
        e.getAuthors().add(a);
        return e;
    }

    /**
     * The NIST toolkit's KOS ExtrinsicObject in an AdhocQueryResponse envelope of ours; with {@code patientCx} the
     * patientId value is replaced (the one change, XML-escaped), else it stays the toolkit's non-BSN identifier.
     */
    static byte[] nistKosAnswer(String patientCx) {
        String eo = Fixtures.text("nist-toolkit/ids_4801-KOS-ExtrinsicObject.xml");
        eo = eo.substring(eo.indexOf("<ExtrinsicObject"));
        if (patientCx != null) {
            eo = eo.replace("value=\"IDS-AD001-a^^^&amp;1.3.6.1.4.1.21367.2005.13.20.1000&amp;ISO\"",
                    "value=\"" + patientCx + "\"");
        }
        return ("<query:AdhocQueryResponse xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                + " status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\">"
                + "<RegistryObjectList xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">" + eo
                + "</RegistryObjectList></query:AdhocQueryResponse>").getBytes(StandardCharsets.UTF_8);
    }
}
