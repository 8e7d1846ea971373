package nl.duoviewer.xca.foreign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import nl.duoviewer.xca.consent.ConsentDecision;
import nl.duoviewer.xca.consent.MitzException;
import nl.duoviewer.xca.consent.MitzProtocol;
import nl.duoviewer.xca.consent.PatientLocation;
import nl.duoviewer.xca.consent.SoapEnvelope;

/**
 * Our Mitz client against the message shapes of the public Mitz clients (Bastion 365's mitz-connector, the Nuts
 * knooppunt): it reads their answers, and its requests hold everything a receiver reads in theirs. The differences
 * that remain are listed exactly, each with why.
 */
class ForeignMitzTest {

    static final String XACML = "{" + MitzProtocol.XACML_NS + "}";

    /** Answers with the fixture, its RELATES_TO set to the MessageID of the request. */
    static Function<byte[], LoopbackServer.Answer> answering(String fixture) {
        String template = Fixtures.text(fixture);
        return req -> {
            Document d = Fixtures.parse(req);
            String id = SoapEnvelope.header(d, MitzProtocol.WSA_NS, "MessageID").getTextContent().strip();
            return new LoopbackServer.Answer(200, "application/soap+xml; charset=UTF-8",
                    template.replace("RELATES_TO", id).getBytes(StandardCharsets.UTF_8));
        };
    }

    static PatientLocation holder() {
        return new PatientLocation(ForeignPeer.HOME, "999999011", "", "00000666", "V4");
    }

    @Test
    void theOpenAnswerInBastionsShapeIsReadAndABareHomeCommunityIdIsNormalised(@TempDir Path dir) throws Exception {
        try (LoopbackServer server = new LoopbackServer(answering("mitz/bastion-open-response.xml"));
             ForeignPeer peer = ForeignPeer.at(server.uri("/mitz/openautorisatievraag"), dir)) {
            List<PatientLocation> found = peer.mitz().locate(ForeignPeer.PATIENT);
            assertEquals(List.of(
                    new PatientLocation("urn:oid:1.3.6.1.4.1.21367.13.70.101", "999999011",
                            "urn:oid:1.3.6.1.4.1.21367.13.71.101", "00000666", ""),
                    new PatientLocation("urn:oid:1.3.6.1.4.1.21367.13.70.102", "999999011",
                            "urn:oid:1.3.6.1.4.1.21367.13.71.102", "00000777", "")), found);

            Element ours = Fixtures.payload(Fixtures.parse(server.requests().getFirst()));
            Element bastions = Fixtures.payload(Fixtures.xml("mitz/bastion-open-request.xml"));
            assertEquals(Set.of(), MessageShape.missingFrom(MessageShape.of(ours), MessageShape.of(bastions)));
            assertEquals(headers(Fixtures.xml("mitz/bastion-open-request.xml")),
                    headers(Fixtures.parse(server.requests().getFirst())), "Action, MessageID, To, Security");
        }
    }

    @Test
    void theClosedAnswerInBastionsShapeIsReadAndOurQueryHoldsWhatTheirsHolds(@TempDir Path dir) throws Exception {
        try (LoopbackServer server = new LoopbackServer(answering("mitz/bastion-closed-response.xml"));
             ForeignPeer peer = ForeignPeer.at(server.uri("/mitz/geslotenautorisatievraag/xacml3"), dir)) {
            assertEquals(ConsentDecision.PERMIT, peer.mitz().decide(ForeignPeer.PATIENT, holder()));

            Set<String> ours = MessageShape.of(Fixtures.payload(Fixtures.parse(server.requests().getFirst())));
            Set<String> bastions = MessageShape.of(Fixtures.payload(Fixtures.xml("mitz/bastion-closed-request.xml")));
            Set<String> missing = MessageShape.missingFrom(ours, bastions);
            // displayName on a CodedValue is for people, not for the decision; we send the codes only
            assertEquals(Set.of(), missing.stream().filter(p -> !p.endsWith("/@displayName=<text>"))
                    .collect(Collectors.toSet()), missing.toString());
        }
    }

    @Test
    void ourClosedQueryHoldsWhatTheNutsKnooppuntSends(@TempDir Path dir) throws Exception {
        try (LoopbackServer server = new LoopbackServer(answering("mitz/bastion-closed-response.xml"));
             ForeignPeer peer = ForeignPeer.at(server.uri("/mitz/geslotenautorisatievraag/xacml3"), dir)) {
            peer.mitz().decide(ForeignPeer.PATIENT, holder());
            Set<String> ours = MessageShape.of(Fixtures.payload(Fixtures.parse(server.requests().getFirst())));
            Set<String> nuts = MessageShape.of(Fixtures.payload(Fixtures.xml("mitz/nuts-closed-request.xml")));
            Set<String> missing = MessageShape.missingFrom(ours, nuts);
            // the knooppunt asks Mitz to echo every attribute in the result (IncludeInResult="true"); we read only the
            // decision, so we do not ask for the echo; nothing else differs
            assertTrue(missing.stream().allMatch(p -> p.endsWith("/@IncludeInResult=true")), missing.toString());
            assertTrue(ours.stream().anyMatch(p -> p.endsWith("/@IncludeInResult=false")));
        }
    }

    @Test
    void anAnswerInTheNutsShapeWithoutTheOtvActionIsRefusedSoNothingIsRetrieved(@TempDir Path dir)
            throws Exception {
        try (LoopbackServer server = new LoopbackServer(answering("mitz/nuts-closed-response.xml"));
             ForeignPeer peer = ForeignPeer.at(server.uri("/mitz/geslotenautorisatievraag/xacml3"), dir)) {
            // Mitz sends the OTV response action; an answer without it cannot be told from a foreign reply: no access
            MitzException e = assertThrows(MitzException.class,
                    () -> peer.mitz().decide(ForeignPeer.PATIENT, holder()));
            assertTrue(e.getMessage().contains("action"), e.getMessage());
        }
    }

    /** The WS-Addressing and WS-Security headers a request carries, by local name. */
    static Set<String> headers(Document d) {
        Set<String> out = new java.util.TreeSet<>();
        for (String local : List.of("Action", "MessageID", "To")) {
            if (SoapEnvelope.header(d, MitzProtocol.WSA_NS, local) != null) {
                out.add(local);
            }
        }
        if (SoapEnvelope.header(d, nl.duoviewer.xca.security.Saml.WSSE_NS, "Security") != null) {
            out.add("Security");
        }
        return out;
    }
}
