package nl.duoviewer.app.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.launch.PatientDemographics;
import nl.duoviewer.app.patient.PatientBannerViewModel.Provenance;
import nl.duoviewer.app.patient.PatientBannerViewModel.Shown;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.patient.Sex;
import nl.duoviewer.core.patient.SourcePatientInfo;

/** The banner's view model without JavaFX: what the launch gave stays; the rest comes from agreeing sources. */
class PatientBannerViewModelTest {

    static final Bsn PATIENT = Bsn.parse("999999011");
    static final LocalDate BORN = LocalDate.of(1961, 3, 14);
    static final SourcePatientInfo REGISTERED = new SourcePatientInfo(PATIENT, "de Vries", "Jan", BORN, Sex.MALE);

    final PatientBannerViewModel banner = new PatientBannerViewModel();

    @Test
    void withoutDemographicsInTheLaunchTheAgreeingSourcesFillTheBanner() {
        banner.show(LaunchContext.of(PATIENT, LaunchSource.COMMAND_LINE));
        assertEquals(new Shown<>(null, Provenance.NOT_SUPPLIED), banner.nameProperty().get());
        assertNull(banner.knownNameProperty().get());

        banner.applySources(List.of(REGISTERED, REGISTERED));
        assertEquals(new Shown<>("Jan de Vries", Provenance.SOURCES), banner.nameProperty().get());
        assertEquals(new Shown<>(BORN, Provenance.SOURCES), banner.birthDateProperty().get());
        assertEquals(new Shown<>(Sex.MALE, Provenance.SOURCES), banner.sexProperty().get());
        assertEquals("Jan de Vries", banner.knownNameProperty().get());
    }

    @Test
    void whatTheLaunchSuppliedIsNeverReplaced() {
        banner.show(new LaunchContext(PATIENT, new PatientDemographics("J. de Vries", null), LaunchSource.URL_SCHEME,
                null));
        banner.applySources(List.of(new SourcePatientInfo(PATIENT, "Vries", "Johannes", BORN, Sex.MALE)));
        assertEquals(new Shown<>("J. de Vries", Provenance.LAUNCH), banner.nameProperty().get());
        assertEquals(new Shown<>(BORN, Provenance.SOURCES), banner.birthDateProperty().get(),
                "the launch gave no birth date: the sources' is shown");
        banner.applySources(List.of());
        assertEquals(new Shown<>("J. de Vries", Provenance.LAUNCH), banner.nameProperty().get());
    }

    @Test
    void sourcesThatDisagreeShowNothingAndALateDisagreementTakesBackWhatWasShown() {
        banner.show(LaunchContext.of(PATIENT, LaunchSource.MANUAL_ENTRY));
        banner.applySources(List.of(REGISTERED));
        assertEquals(BORN, banner.birthDateProperty().get().value());

        SourcePatientInfo typo = new SourcePatientInfo(PATIENT, "de Vries", "Jan", BORN.plusYears(1), Sex.MALE);
        banner.applySources(List.of(REGISTERED, typo));
        assertEquals(new Shown<>(null, Provenance.SOURCES_DISAGREE), banner.birthDateProperty().get());
        assertEquals(new Shown<>("Jan de Vries", Provenance.SOURCES), banner.nameProperty().get());

        SourcePatientInfo otherPerson = new SourcePatientInfo(Bsn.parse("999998456"), "Jansen", "Piet", BORN,
                Sex.MALE);
        banner.applySources(List.of(REGISTERED, otherPerson));
        assertEquals(new Shown<>(null, Provenance.SOURCES_DISAGREE), banner.nameProperty().get());
        assertNull(banner.knownNameProperty().get(), "the overlay shows no name either");
    }

    @Test
    void noPatientNoDemographicsAndANewPatientStartsClean() {
        banner.show(LaunchContext.of(PATIENT, LaunchSource.COMMAND_LINE));
        banner.applySources(List.of(REGISTERED));
        banner.show(null);
        banner.applySources(List.of(REGISTERED));
        assertNull(banner.contextProperty().get());
        assertEquals(Provenance.NOT_SUPPLIED, banner.nameProperty().get().provenance());
        banner.show(LaunchContext.of(Bsn.parse("999998456"), LaunchSource.COMMAND_LINE));
        assertEquals(new Shown<>(null, Provenance.NOT_SUPPLIED), banner.sexProperty().get());
        banner.applySources(List.of(REGISTERED));
        assertEquals(Provenance.SOURCES_DISAGREE, banner.nameProperty().get().provenance(),
                "a registration naming another BSN than the one on screen is trusted for nothing");
    }
}
