package nl.duoviewer.app.patient;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;

/**
 * The patient identification bar. It sits at the top of the window outside every scrolling area, so whatever the user
 * looks at, the patient it belongs to is in view: the BSN (grouped, e.g. 9999.99.011), name, birth date and gender
 * when known, and where the patient context came from. With no patient it says so plainly.
 */
public final class PatientBanner extends HBox {

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Texts texts;
    private final Label bsn = new Label();
    private final Label name = new Label();
    private final Label birthDate = new Label();
    private final Label gender = new Label();
    private final Label context = new Label();

    public PatientBanner(Texts texts) {
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("patient-banner");
        setAlignment(Pos.CENTER_LEFT);
        bsn.getStyleClass().add("banner-bsn");
        bsn.setId("banner-bsn");
        name.getStyleClass().add("banner-name");
        name.setId("banner-name");
        birthDate.getStyleClass().add("banner-birth-date");
        gender.getStyleClass().add("banner-birth-date");
        gender.setId("banner-gender");
        context.getStyleClass().add("banner-context");
        context.setId("banner-context");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(bsn, name, birthDate, gender, grow, context);
        show(null);
    }

    /** Shows the patient of a launch context, or "no patient" for null. */
    public void show(LaunchContext launch) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), launch == null);
        if (launch == null) {
            bsn.setText(texts.get("banner.noPatient"));
            name.setText("");
            birthDate.setText("");
            gender.setText("");
            context.setText("");
            return;
        }
        bsn.setText(texts.get("banner.bsn", launch.patient().formatted()));
        name.setText(launch.demographics().nameIfKnown().orElse(texts.get("banner.nameUnknown")));
        birthDate.setText(launch.demographics().birthDateIfKnown()
                .map(d -> texts.get("banner.birthDate", BIRTH_DATE.format(d))).orElse(""));
        gender.setText(launch.demographics().gender() == nl.duoviewer.app.launch.PatientDemographics.Gender.UNKNOWN
                ? "" : texts.get("banner.gender." + launch.demographics().gender().name().toLowerCase(
                        java.util.Locale.ROOT)));
        context.setText(texts.get("banner.context", texts.get(launch.source().textKey())));
    }

    /** The BSN text as shown, for tests and accessibility checks. */
    public String bsnText() {
        return bsn.getText();
    }
}
