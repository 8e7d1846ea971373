package nl.duoviewer.xca.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.foreign.Fixtures;
import nl.duoviewer.xca.foreign.LoopbackServer;
import nl.duoviewer.xca.foreign.Mutations;
import nl.duoviewer.xca.security.AssertionProvider;
import nl.duoviewer.xca.security.OrganisationCredentials;
import nl.duoviewer.xca.security.SamlAssertionFactory;
import nl.duoviewer.xca.security.SecureXml;
import nl.duoviewer.xca.security.TestKeys;
import nl.duoviewer.xca.soap.SoapPorts;
import nl.duoviewer.xca.soap.SoapTransaction;

/**
 * Seeded mutation of ITI-38 answers (Twiin's example, the NIST toolkit's KOS entry, an answer mixing this patient's
 * entries with another's) through the client's answer handling, in-process and over the real SOAP stack: every
 * mutant ends in a source status (complete, partial or failed), nothing escapes as an exception, nothing hangs, and
 * no record reaches the timeline unless its entry in the bytes received named this patient and nobody else. Most
 * mutants are made on the parsed tree (values, identifiers, repeated and removed elements) so that they pass the XML
 * layer and reach the patient check; the rest on the bytes.
 */
class QueryAnswerFuzzTest {

    static final Bsn PATIENT = ForeignQueryAnswerTest.PATIENT;
    static final Bsn OTHER = Bsn.parse("999990007");
    static final int MUTANTS = 400;
    static final int MUTANTS_OVER_SOAP = 40;
    static final String UNIQUE_ID_SCHEME = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    static final String PATIENT_ID_SCHEME = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    /** Values the tree mutations also put into attributes and text: the identifiers that decide whose entry it is. */
    static final List<String> VALUES = List.of(OTHER.toCx(), PATIENT.toCx(),
            "Z1234567^^^&2.16.528.1.1007.3.3.1234&ISO", PATIENT.value() + "^^^& " + Bsn.OID + "&ISO");
    /**
     * Where the tree mutations go half the time: what decides whose entry it is (the entries, their
     * ExternalIdentifiers, the sourcePatientId slot and what it holds).
     */
    static final java.util.function.Predicate<Element> FOCUS = e -> {
        for (org.w3c.dom.Node n = e; n instanceof Element x; n = n.getParentNode()) {
            if ("sourcePatientId".equals(x.getAttribute("name"))) {
                return true;
            }
        }
        return RIM.equals(e.getNamespaceURI()) && ("ExternalIdentifier".equals(e.getLocalName())
                || "ExtrinsicObject".equals(e.getLocalName()));
    };

    /** An answer with three entries of this patient and two of another. */
    static byte[] mixed() throws Exception {
        QueryResponse r = new QueryResponse(Status.SUCCESS);
        for (int i = 0; i < 5; i++) {
            DocumentEntry e = ForeignQueryAnswerTest.entry("urn:uuid:00000000-0000-4000-8000-00000000000" + i, i);
            if (i >= 3) {
                Identifiable other = new Identifiable(OTHER.value(), new AssigningAuthority(Bsn.OID, "ISO"));
                e.setPatientId(other);
                e.setSourcePatientId(other);
            }
            r.getDocumentEntries().add(e);
        }
        AdhocQueryResponse raw = new QueryResponseTransformer(new EbXMLFactory30()).toEbXML(r).getInternal();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JAXBContext.newInstance(AdhocQueryResponse.class).createMarshaller().marshal(raw, out);
        return out.toByteArray();
    }

    static List<byte[]> seeds() throws Exception {
        return List.of(SecureXml.toBytes(Fixtures.payload(Fixtures.xml("twiin/ITI-38-response.xml"))),
                ForeignQueryAnswerTest.nistKosAnswer("999999011^^^&amp;2.16.840.1.113883.2.4.6.3&amp;ISO"),
                mixed());
    }

    /**
     * The oracle, read from the bytes the client received and independently of IPF: the uniqueIds of the
     * ExtrinsicObjects that name this patient and nobody else (decision record 25, {@code EntryIdentity}). An entry is
     * this patient's when it has a patientId ExternalIdentifier and every one of them is this BSN, and no
     * sourcePatientId issued by the BSN authority is another BSN (a local record number there names nobody). All its
     * uniqueIds count, whichever of them the client took.
     */
    static Set<String> uniqueIdsOfThisPatient(byte[] xml) {
        Set<String> ours = new HashSet<>();
        Document d;
        try {
            d = SecureXml.parse(xml);
        } catch (Exception e) {
            return ours;
        }
        NodeList objects = d.getElementsByTagNameNS(RIM, "ExtrinsicObject");
        for (int i = 0; i < objects.getLength(); i++) {
            Element eo = (Element) objects.item(i);
            boolean named = false;
            boolean other = false;
            Set<String> uniqueIds = new HashSet<>();
            for (Element x : children(eo, "ExternalIdentifier")) {
                String scheme = x.getAttribute("identificationScheme");
                if (PATIENT_ID_SCHEME.equals(scheme)) {
                    named = true;
                    other |= !PATIENT.equals(bsn(x.getAttribute("value")));
                } else if (UNIQUE_ID_SCHEME.equals(scheme)) {
                    uniqueIds.add(x.getAttribute("value").strip());
                }
            }
            for (Element slot : children(eo, "Slot")) {
                if ("sourcePatientId".equals(slot.getAttribute("name"))) {
                    NodeList values = slot.getElementsByTagNameNS(RIM, "Value");
                    for (int k = 0; k < values.getLength(); k++) {
                        String v = values.item(k).getTextContent();
                        other |= bsnIssued(v) && !PATIENT.equals(bsn(v));
                    }
                }
            }
            if (named && !other) {
                ours.addAll(uniqueIds);
            }
        }
        return ours;
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && RIM.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The CX value's assigning authority (component 4, universal id), stripped; empty when it has none. */
    private static String authority(String cx) {
        String[] c = cx.split("\\^", -1);
        String[] aa = c.length > 3 ? c[3].split("&", -1) : new String[0];
        return aa.length > 1 ? aa[1].strip() : "";
    }

    private static boolean bsnIssued(String cx) {
        return Bsn.OID.equals(authority(cx));
    }

    /** The BSN the CX value names, or null. */
    private static Bsn bsn(String cx) {
        if (!bsnIssued(cx) || !Bsn.isValid(cx.split("\\^", -1)[0])) {
            return null;
        }
        return Bsn.parse(cx.split("\\^", -1)[0]);
    }

    static void assertOnlyThisPatient(CommunityQuery.Result r, byte[] mutant, int i) {
        Set<String> ours = uniqueIdsOfThisPatient(mutant);
        for (StudyRecord s : r.studies()) {
            assertEquals(PATIENT, s.patient());
            assertTrue(ours.contains(s.manifest().documentUniqueId().strip()),
                    "mutant " + i + ": a study from an entry that did not name this patient");
        }
        for (ReportRecord rep : r.reports()) {
            assertEquals(PATIENT, rep.patient());
            assertTrue(ours.contains(rep.document().documentUniqueId().strip()),
                    "mutant " + i + ": a report from an entry that did not name this patient");
        }
    }

    @Test
    void everyMutatedAnswerEndsInAStatusAndNeverInAnotherPatientsRecord() throws Exception {
        List<byte[]> seeds = seeds();
        List<Document> trees = new ArrayList<>();
        for (byte[] seed : seeds) {
            trees.add(SecureXml.parse(seed));
        }
        Unmarshaller unmarshaller = JAXBContext.newInstance(AdhocQueryResponse.class).createUnmarshaller();
        SplittableRandom random = new SplittableRandom(20261202L);
        int[] outcome = new int[3]; // refused as XML, status, records shown
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                // two in three on the tree (they reach the answer handling), one in three on the bytes
                byte[] mutant = i % 3 == 2 ? Mutations.mutate(seeds.get(i % seeds.size()), random)
                        : Mutations.mutateXml(trees.get(i % seeds.size()), VALUES, FOCUS, random);
                AdhocQueryResponse raw;
                try {
                    Object o = unmarshaller.unmarshal(SecureXml.parse(mutant));
                    raw = (AdhocQueryResponse) (o instanceof jakarta.xml.bind.JAXBElement<?> j ? j.getValue() : o);
                } catch (java.io.IOException | org.xml.sax.SAXException | JAXBException | ClassCastException e) {
                    outcome[0]++; // the XML layer refuses it; over SOAP that is a failed source (see below)
                    continue;
                }
                CommunityQuery.Result r;
                try {
                    r = ForeignQueryAnswerTest.query(ForeignQueryAnswerTest.TWIIN_HOME, req -> raw)
                            .run(PATIENT, s -> true);
                } catch (RuntimeException e) {
                    fail("mutant " + i + " escaped as " + e, e);
                    return;
                }
                outcome[1]++;
                outcome[2] += r.studies().size() + r.reports().size();
                assertOnlyThisPatient(r, mutant, i);
            }
        });
        assertEquals(MUTANTS, outcome[0] + outcome[1]);
        assertTrue(outcome[1] > MUTANTS / 2 && outcome[2] > MUTANTS, "most mutants reach the answer handling: "
                + outcome[1] + " answers, " + outcome[2] + " records");
    }

    @Test
    void overTheRealSoapStackEveryMutatedAnswerEndsInAStatus(@TempDir Path dir) throws Exception {
        String envelope = Fixtures.text("twiin/ITI-38-response.xml");
        envelope = envelope.substring(envelope.indexOf("<S:Envelope"));
        byte[] seed = envelope.getBytes(StandardCharsets.UTF_8);
        Document tree = SecureXml.parse(seed);
        byte[] relatesTo = "urn:uuid:7948cf8b-81fa-486d-a7d6-ca121b6b9c98".getBytes(StandardCharsets.US_ASCII);
        AtomicReference<byte[]> current = new AtomicReference<>(seed);
        Clock clock = Clock.systemUTC();
        OrganisationCredentials org = OrganisationCredentials.load(TestKeys.create(dir.resolve("org.p12"), "Org"));
        AssertionProvider assertions = new AssertionProvider(new SamlAssertionFactory(org,
                nl.duoviewer.xca.foreign.ForeignPeer.REQUESTER, "urn:test", clock), clock);
        try (LoopbackServer server = new LoopbackServer(req -> {
            // the mutant byte for byte (the oracle reads these bytes), its RelatesTo (where still intact) naming our
            // request; nothing else is decoded or re-encoded on the way
            byte[] id = messageId(new String(req, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
            return new LoopbackServer.Answer(200, "application/soap+xml; charset=UTF-8",
                    replaced(current.get(), relatesTo, id));
        });
             SoapPorts ports = new SoapPorts(assertions, nl.duoviewer.xca.foreign.ForeignPeer.loopbackTls(org),
                     4L << 20, 4L << 20, 4L << 20)) {
            CommunityEndpoint c = new CommunityEndpoint("c", "Twiin-gemeenschap", ForeignQueryAnswerTest.TWIIN_HOME,
                    server.uri("/xcq"), server.uri("/xcr"), server.uri("/xcri"), null, Duration.ofSeconds(5));
            SplittableRandom random = new SplittableRandom(20261203L);
            int[] statuses = new int[1];
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < MUTANTS_OVER_SOAP; i++) {
                    byte[] mutant = i == 0 ? seed : i % 2 == 0 ? Mutations.mutate(seed, random)
                            : Mutations.mutateXml(tree, VALUES, FOCUS, random);
                    current.set(mutant);
                    CommunityQuery.Result r;
                    try {
                        r = new CommunityQuery(c, ports, SoapTransaction.ITI_38, 0, 2, clock, AuditSink.NONE)
                                .run(PATIENT, s -> true);
                    } catch (RuntimeException e) {
                        fail("mutant " + i + " escaped as " + e, e);
                        return;
                    }
                    if (i == 0) {
                        // both queries get the same answer here; the timeline merges the study
                        assertTrue(!r.studies().isEmpty(), "the unmutated answer works: " + r.status());
                    }
                    statuses[0]++;
                    assertOnlyThisPatient(r, mutant, i);
                }
            });
            assertEquals(MUTANTS_OVER_SOAP, statuses[0]);
        }
    }

    /** {@code bytes} with every occurrence of {@code from} replaced by {@code to}; every other byte as it was. */
    private static byte[] replaced(byte[] bytes, byte[] from, byte[] to) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            if (i + from.length <= bytes.length
                    && java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                out.writeBytes(to);
                i += from.length;
            } else {
                out.write(bytes[i++]);
            }
        }
        return out.toByteArray();
    }

    private static String messageId(String soap) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<(?:[\\w-]+:)?MessageID[^>]*>\\s*([^<\\s]+)\\s*<").matcher(soap);
        return m.find() ? m.group(1) : "urn:uuid:none";
    }
}
