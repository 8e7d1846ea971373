package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.config.LaunchSettings;

/**
 * A launch from outside never replaces an open patient behind the user's back (decision record 14): without the
 * configured token it waits for the user's answer. The view model is tested without JavaFX.
 */
class LaunchGateTest {

    static final LaunchContext ON_SCREEN = LaunchContext.of(Bsn.parse("999999011"), LaunchSource.MANUAL_ENTRY);

    private LaunchContext current;
    private final List<LaunchContext> opened = new ArrayList<>();
    private final List<Optional<LaunchGate.SwitchRequest>> shown = new ArrayList<>();

    private LaunchGate gate(LaunchSettings settings) {
        LaunchGate gate = new LaunchGate(settings);
        gate.onPending(shown::add);
        return gate;
    }

    /** A launch arriving as the launch route hands it over: what is on screen, and what opening it does. */
    private LaunchGate.Outcome arrive(LaunchGate gate, LaunchContext requested, Optional<LaunchToken> token) {
        return gate.decide(current, requested, token, () -> {
            opened.add(requested);
            current = requested;
        });
    }

    private static DuoViewerUri.Link link(String uri) throws LaunchException {
        return DuoViewerUri.parseLink(uri);
    }

    @Test
    void withNothingOpenOrForTheSamePatientALinkOpensAtOnce() throws Exception {
        LaunchGate gate = gate(LaunchSettings.NONE);
        DuoViewerUri.Link first = link("duoviewer://open?bsn=999999011");
        assertEquals(LaunchGate.Outcome.OPENED, arrive(gate, first.context(), first.token()));
        DuoViewerUri.Link samePatient = link("duoviewer://open?bsn=999999011&study=1.2.3");
        assertEquals(LaunchGate.Outcome.OPENED, arrive(gate, samePatient.context(), samePatient.token()));
        assertEquals(2, opened.size());
        assertTrue(gate.pending().isEmpty());
    }

    @Test
    void aLinkForAnotherPatientWaitsForTheUser() throws Exception {
        current = ON_SCREEN;
        LaunchGate gate = gate(LaunchSettings.NONE);
        DuoViewerUri.Link other = link("duoviewer://IHEInvokeImageDisplay?requestType=PATIENT&patientID=999990007");
        assertEquals(LaunchGate.Outcome.ASKED, arrive(gate, other.context(), other.token()));
        assertEquals(List.of(), opened, "nothing replaced before the user answers");
        LaunchGate.SwitchRequest asked = gate.pending().orElseThrow();
        assertEquals(ON_SCREEN, asked.open());
        assertEquals(Bsn.parse("999990007"), ((LaunchContext) asked.requested()).patient());
        assertEquals(List.of(Optional.of(asked)), shown);

        gate.decline();
        assertEquals(List.of(), opened);
        assertTrue(gate.pending().isEmpty());
        assertEquals(Optional.empty(), shown.getLast());

        arrive(gate, other.context(), other.token());
        gate.confirm();
        assertEquals(List.of(other.context()), opened);
        assertTrue(gate.pending().isEmpty());
    }

    @Test
    void aNewerLinkReplacesTheQuestionStillWaiting() throws Exception {
        current = ON_SCREEN;
        LaunchGate gate = gate(LaunchSettings.NONE);
        DuoViewerUri.Link a = link("duoviewer://open?bsn=999990007");
        DuoViewerUri.Link b = link("duoviewer://open?bsn=999998456");
        arrive(gate, a.context(), a.token());
        arrive(gate, b.context(), b.token());
        gate.confirm();
        assertEquals(List.of(b.context()), opened, "only the latest request can be confirmed");
    }

    @Test
    void theConfiguredTokenSwitchesWithoutAskingAndAnyOtherTokenAsks() throws Exception {
        current = ON_SCREEN;
        LaunchGate gate = gate(LaunchSettings.withToken("s3cret-from-IT"));
        DuoViewerUri.Link wrong = link("duoviewer://open?bsn=999990007&token=guessed");
        assertEquals(LaunchGate.Outcome.ASKED, arrive(gate, wrong.context(), wrong.token()));
        DuoViewerUri.Link right = link("duoviewer://open?bsn=999990007&token=s3cret-from-IT");
        assertEquals(LaunchGate.Outcome.OPENED, arrive(gate, right.context(), right.token()));
        assertEquals(List.of(right.context()), opened);
        assertTrue(gate.pending().isEmpty(), "the earlier question is gone");

        LaunchGate unconfigured = gate(LaunchSettings.NONE);
        DuoViewerUri.Link any = link("duoviewer://open?bsn=999998456&token=s3cret-from-IT");
        assertEquals(LaunchGate.Outcome.ASKED, arrive(unconfigured, any.context(), any.token()),
                "without a configured token every token is worthless");
    }


    @Test
    void theUsersOwnEntryGoesAheadAndASmartLaunchIsAskedUnlessItCarriesTheToken() throws Exception {
        current = ON_SCREEN;
        LaunchGate gate = gate(LaunchSettings.withToken("s3cret-from-IT"));
        LaunchContext typed = LaunchContext.of(Bsn.parse("999990007"), LaunchSource.MANUAL_ENTRY);
        assertEquals(LaunchGate.Outcome.OPENED, arrive(gate, typed, Optional.empty()),
                "the toolbar is the user's own choice in this window");
        assertEquals(List.of(typed), opened);

        // a SMART launch names no patient before the sign-in: with a patient open it is asked
        List<String> proceeded = new ArrayList<>();
        SmartLaunchLink.Link smart = SmartLaunchLink.parseLink(
                "duoviewer://smart-launch?iss=https%3A%2F%2Fehr.example.nl%2Ffhir&launch=abc");
        assertEquals(LaunchGate.Outcome.ASKED, gate.decide(current, smart.launch(), smart.token(),
                () -> proceeded.add("signed in")));
        assertEquals(smart.launch(), gate.pending().orElseThrow().requested());
        assertEquals(List.of(), proceeded, "the open patient stays while the user is asked");
        gate.confirm();
        assertEquals(List.of("signed in"), proceeded);

        // an EHR registered with IT's token (launch URL duoviewer://smart-launch?token=...) switches at once
        SmartLaunchLink.Link registered = SmartLaunchLink.parseLink(
                "duoviewer://smart-launch?token=s3cret-from-IT&iss=https%3A%2F%2Fehr.example.nl%2Ffhir&launch=def");
        assertEquals(LaunchGate.Outcome.OPENED, gate.decide(current, registered.launch(), registered.token(),
                () -> proceeded.add("with token")));
        assertEquals(List.of("signed in", "with token"), proceeded);
        assertFalse(registered.toString().contains("s3cret"), registered.toString());
        assertTrue(gate.pending().isEmpty());
    }

    @Test
    void theTokenIsNeverPrinted() throws Exception {
        DuoViewerUri.Link l = link("duoviewer://open?bsn=999990007&token=s3cret-from-IT");
        assertFalse(l.toString().contains("s3cret"), l.toString());
        var run = (CommandLine.Run) CommandLine.parse("duoviewer://open?bsn=999990007&token=s3cret-from-IT");
        assertFalse(run.options().toString().contains("s3cret"), run.options().toString());
        LaunchException bad = assertThrows(LaunchException.class,
                () -> link("duoviewer://open?bsn=999990007&token=s3cret%zz"));
        assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
        assertFalse(LaunchSettings.withToken("s3cret-from-IT").toString().contains("s3cret"));
    }
}
