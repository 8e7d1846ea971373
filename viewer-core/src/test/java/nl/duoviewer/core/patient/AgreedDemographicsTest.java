package nl.duoviewer.core.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.patient.AgreedDemographics.Agreed;
import nl.duoviewer.core.patient.AgreedDemographics.Agreement;

class AgreedDemographicsTest {

    static final Bsn PATIENT = Bsn.parse("999999011");
    static final Bsn OTHER = Bsn.parse("999998456");
    static final LocalDate BORN = LocalDate.of(1961, 3, 14);

    static SourcePatientInfo info(Bsn bsn, String family, String given, LocalDate born, Sex sex) {
        return new SourcePatientInfo(bsn, family, given, born, sex);
    }

    @Test
    void sourcesThatAgreeGiveEveryPartAndCaseOrSpacingIsNoDisagreement() {
        AgreedDemographics d = AgreedDemographics.of(PATIENT, List.of(
                info(PATIENT, "de Vries", "Jan", BORN, Sex.MALE),
                info(PATIENT, "DE  VRIES", "jan", BORN, Sex.MALE),
                info(PATIENT, null, null, BORN, null))); // a source that sends less is no disagreement
        assertEquals(new Agreed<>(Agreement.AGREE, "Jan de Vries"), d.name());
        assertEquals(new Agreed<>(Agreement.AGREE, BORN), d.birthDate());
        assertEquals(new Agreed<>(Agreement.AGREE, Sex.MALE), d.sex());
    }

    @Test
    void aPartTheSourcesDisagreeOnIsNotShownTheOthersAre() {
        AgreedDemographics d = AgreedDemographics.of(PATIENT, List.of(
                info(PATIENT, "de Vries", "Jan", BORN, Sex.MALE),
                info(PATIENT, "de Vries", "Jan", BORN.plusYears(1), Sex.UNKNOWN)));
        assertEquals("Jan de Vries", d.name().value());
        assertEquals(Agreement.DISAGREE, d.birthDate().agreement());
        assertEquals(null, d.birthDate().value());
        assertEquals(new Agreed<>(Agreement.AGREE, Sex.MALE), d.sex(), "'unknown' claims nothing");
    }

    @Test
    void onlySourcesNamingThisBsnCountAndOneNamingAnotherBsnIsTrustedForNothing() {
        assertEquals(AgreedDemographics.NONE, AgreedDemographics.of(PATIENT, List.of(
                info(null, "de Vries", "Jan", BORN, Sex.MALE))), "no BSN: cannot be tied to the patient");
        assertEquals(AgreedDemographics.NONE, AgreedDemographics.of(PATIENT, List.of()));
        AgreedDemographics mixed = AgreedDemographics.of(PATIENT, List.of(
                info(PATIENT, "de Vries", "Jan", BORN, Sex.MALE),
                info(OTHER, "Jansen", "Piet", BORN, Sex.MALE)));
        assertEquals(List.of(Agreement.DISAGREE, Agreement.DISAGREE, Agreement.DISAGREE),
                List.of(mixed.name().agreement(), mixed.birthDate().agreement(), mixed.sex().agreement()));
    }

    @Test
    void sexCodesFromHl7() {
        assertEquals(List.of(Sex.FEMALE, Sex.MALE, Sex.OTHER, Sex.UNKNOWN), List.of(Sex.fromHl7("F"),
                Sex.fromHl7(" m "), Sex.fromHl7("A"), Sex.fromHl7("U")));
        assertEquals(null, Sex.fromHl7("X"));
        assertEquals(null, Sex.fromHl7(null));
    }
}
