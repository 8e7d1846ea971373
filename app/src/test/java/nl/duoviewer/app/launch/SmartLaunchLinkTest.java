package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.launch.smart.SmartLaunchRequest;

/** The SMART launch URL the EHR opens, as the command line and the single-instance channel receive it. */
class SmartLaunchLinkTest {

    @Test
    void anEhrLaunchLinkCarriesIssAndLaunch() {
        var run = assertInstanceOf(CommandLine.Run.class, CommandLine.parse(
                "duoviewer://smart-launch?iss=https%3A%2F%2Fehr.ziekenhuis.nl%2Ffhir&launch=xyz123"));
        SmartLaunchRequest request = run.options().smartLaunch().orElseThrow().request();
        var ehr = assertInstanceOf(SmartLaunchRequest.EhrLaunch.class, request);
        assertEquals(URI.create("https://ehr.ziekenhuis.nl/fhir"), ehr.iss());
        assertEquals("xyz123", ehr.launch());
        assertTrue(run.options().launch().isEmpty(), "no patient until the EHR names one");
        assertInstanceOf(SmartLaunch.class, run.options().request().orElseThrow());
    }

    @Test
    void withoutLaunchItIsAStandaloneLaunch() {
        var run = assertInstanceOf(CommandLine.Run.class, CommandLine.parse(
                "DUOVIEWER://smart-launch?iss=https://ehr.ziekenhuis.nl/fhir"));
        assertInstanceOf(SmartLaunchRequest.StandaloneLaunch.class,
                run.options().smartLaunch().orElseThrow().request());
    }

    @Test
    void badLinksAreRefusedWithTheReason() {
        for (String link : List.of("duoviewer://smart-launch?launch=abc",
                "duoviewer://smart-launch?iss=ftp://ehr/fhir&launch=a",
                "duoviewer://smart-launch?iss=https://ehr/fhir&launch=a&bsn=999999011",
                "duoviewer://smart-launch?iss=https://ehr/fhir&iss=https://evil/fhir")) {
            assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse(link), link);
        }
        assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--bsn", "999999011",
                "duoviewer://smart-launch?iss=https://ehr/fhir&launch=a"), "one patient per start");
    }

    @Test
    void theDemoEhrIsAnOptionThatARunningViewerRefuses() {
        var run = assertInstanceOf(CommandLine.Run.class, CommandLine.parse("--demo-ehr"));
        assertTrue(run.options().demoEhr());
        assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--demo-ehr=yes"));
    }
}
