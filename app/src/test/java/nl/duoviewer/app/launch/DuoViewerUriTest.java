package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DuoViewerUriTest {

    @Test
    void openLinkCarriesPatientStudyAndDemographics() throws Exception {
        LaunchContext c = DuoViewerUri.parse(
                "duoviewer://open?bsn=999999011&study=1.2.840.1&name=J.%20de%20Vries&birthDate=1961-03-14");
        assertEquals("999999011", c.patient().value());
        assertEquals("1.2.840.1", c.focusStudyUid());
        assertEquals("J. de Vries", c.demographics().name());
        assertEquals(LocalDate.of(1961, 3, 14), c.demographics().birthDate());
        assertEquals(LaunchSource.URL_SCHEME, c.source());
    }

    @Test
    void schemeAndParameterNamesAreCaseInsensitiveAndSlashesOptional() throws Exception {
        assertEquals("999999011", DuoViewerUri.parse("DuoViewer:open/?BSN=999999011").patient().value());
    }

    @Test
    void iidPatientRequestWithTheCxPatientId() throws Exception {
        LaunchContext c = DuoViewerUri.parse("duoviewer://IHEInvokeImageDisplay?requestType=PATIENT"
                + "&patientID=999999011%5E%5E%5E%262.16.840.1.113883.2.4.6.3%26ISO&viewerType=IHE_BIR");
        assertEquals("999999011", c.patient().value());
        assertEquals(LaunchSource.IHE_INVOKE_IMAGE_DISPLAY, c.source());
        assertNull(c.focusStudyUid());
    }

    @Test
    void iidStudyRequestFocusesTheStudy() throws Exception {
        LaunchContext c = DuoViewerUri.parse(
                "duoviewer://IHEInvokeImageDisplay?requestType=STUDY&studyUID=1.2.3.4&patientID=999999011");
        assertEquals("1.2.3.4", c.focusStudyUid());
    }

    @Test
    void iidNeedsThePatientAndAKnownRequestType() {
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse(
                "duoviewer://IHEInvokeImageDisplay?requestType=STUDY&studyUID=1.2.3.4"));
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse(
                "duoviewer://IHEInvokeImageDisplay?requestType=STUDY&studyUID=1.2,1.3&patientID=999999011"));
        var e = assertThrows(LaunchException.class, () -> DuoViewerUri.parse(
                "duoviewer://IHEInvokeImageDisplay?requestType=ACCESSION&patientID=999999011"));
        assertTrue(e.getMessage().contains("Unsupported requestType"));
    }

    @Test
    void aPatientIdOfAnotherAuthorityIsRefused() {
        var e = assertThrows(LaunchException.class, () -> DuoViewerUri.parse(
                "duoviewer://IHEInvokeImageDisplay?requestType=PATIENT&patientID=12345%5E%5E%5E%261.2.3%26ISO"));
        assertTrue(e.getMessage().startsWith("Invalid patientID"), e.getMessage());
    }

    @Test
    void hostileOrSloppyLinksAreRefusedWithAReason() {
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse("duoviewer://open"));
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse("duoviewer://delete?bsn=999999011"));
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse("duoviewer://open?bsn=999999011&bsn=999998456"));
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse("duoviewer://open?bsn=999999011&cmd=rm"));
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse("duoviewer://open?bsn=999999011&birthDate=14-03-1961"));
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse("duoviewer://open?bsn=%zz"));
        assertThrows(LaunchException.class, () -> DuoViewerUri.parse("http://open?bsn=999999011"));
        var e = assertThrows(LaunchException.class,
                () -> DuoViewerUri.parse("duoviewer://open?bsn=999999011&name=" + "x".repeat(5000)));
        assertTrue(e.getMessage().contains("too long"));
    }
}
