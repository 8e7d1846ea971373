package nl.duoviewer.app.patient;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;

/**
 * The patient identification bar. It sits at the top of the window outside every scrolling area, so whatever the user
 * looks at, the patient it belongs to is in view: the BSN (grouped, e.g. 9999.99.011), name and birth date when
 * known, and where the patient context came from. With no patient it says so plainly. Binds a
 * {@link PatientBannerViewModel}.
 */
public final class PatientBanner extends HBox {

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    private final PatientBannerViewModel model;
    private final Texts texts;
    private final Label bsn = new Label();
    private final Label name = new Label();
    private final Label birthDate = new Label();
    private final Label context = new Label();

    public PatientBanner(PatientBannerViewModel model, Texts texts) {
        this.model = Objects.requireNonNull(model);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("patient-banner");
        setAlignment(Pos.CENTER_LEFT);
        bsn.getStyleClass().add("banner-bsn");
        bsn.setId("banner-bsn");
        name.getStyleClass().add("banner-name");
        name.setId("banner-name");
        birthDate.getStyleClass().add("banner-birth-date");
        birthDate.setId("banner-birth-date");
        context.getStyleClass().add("banner-context");
        context.setId("banner-context");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(bsn, name, birthDate, grow, context);
        InvalidationListener changed = o -> update();
        model.contextProperty().addListener(changed);
        model.nameProperty().addListener(changed);
        model.birthDateProperty().addListener(changed);
        update();
    }

    private void update() {
        LaunchContext launch = model.contextProperty().get();
        pseudoClassStateChanged(EMPTY, launch == null);
        if (launch == null) {
            bsn.setText(texts.get("banner.noPatient"));
            name.setText("");
            birthDate.setText("");
            context.setText("");
            return;
        }
        bsn.setText(texts.get("banner.bsn", launch.patient().formatted()));
        String n = model.nameProperty().get();
        name.setText(n == null ? texts.get("banner.nameUnknown") : n);
        birthDate.setText(model.birthDateProperty().get() == null ? ""
                : texts.get("banner.birthDate", BIRTH_DATE.format(model.birthDateProperty().get())));
        context.setText(texts.get("banner.context", texts.get(launch.source().textKey())));
    }

    /** The BSN text as shown, for tests and accessibility checks. */
    public String bsnText() {
        return bsn.getText();
    }
}
