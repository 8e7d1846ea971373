package nl.duoviewer.app.patient;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;

/**
 * The patient identification bar. It sits at the top of the window outside every scrolling area, so whatever the user
 * looks at, the patient it belongs to is in view: the BSN (grouped, e.g. 9999.99.011), name, birth date and sex when
 * known, and where the patient context came from. Values the sources supplied (not the launch) are marked, and say so
 * in their tooltip. With no patient it says so plainly. Binds a {@link PatientBannerViewModel}.
 */
public final class PatientBanner extends HBox {

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    private static final PseudoClass FROM_SOURCES = PseudoClass.getPseudoClass("from-sources");

    private final PatientBannerViewModel model;
    private final Texts texts;
    private final Label bsn = new Label();
    private final Label name = new Label();
    private final Label birthDate = new Label();
    private final Label sex = new Label();
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
        sex.getStyleClass().add("banner-sex");
        sex.setId("banner-sex");
        context.getStyleClass().add("banner-context");
        context.setId("banner-context");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(bsn, name, birthDate, sex, grow, context);
        InvalidationListener changed = o -> update();
        model.contextProperty().addListener(changed);
        model.nameProperty().addListener(changed);
        model.birthDateProperty().addListener(changed);
        model.sexProperty().addListener(changed);
        update();
    }

    private void update() {
        LaunchContext launch = model.contextProperty().get();
        pseudoClassStateChanged(EMPTY, launch == null);
        if (launch == null) {
            bsn.setText(texts.get("banner.noPatient"));
            for (Label l : new Label[] {name, birthDate, sex, context}) {
                show(l, "", null);
            }
            return;
        }
        bsn.setText(texts.get("banner.bsn", launch.patient().formatted()));
        var n = model.nameProperty().get();
        show(name, switch (n.provenance()) {
            case LAUNCH, SOURCES -> n.value();
            case NOT_SUPPLIED -> texts.get("banner.nameUnknown");
            case SOURCES_DISAGREE -> texts.get("banner.nameDisagree");
        }, n.provenance());
        var b = model.birthDateProperty().get();
        show(birthDate, b.value() == null ? "" : texts.get("banner.birthDate", BIRTH_DATE.format(b.value())),
                b.provenance());
        var x = model.sexProperty().get();
        show(sex, x.value() == null ? "" : texts.get("banner.sex." + x.value().name().toLowerCase(Locale.ROOT)),
                x.provenance());
        context.setText(texts.get("banner.context", texts.get(launch.source().textKey())));
    }

    /** Sets a label's text and marks (and explains) a value the sources supplied. */
    private void show(Label label, String text, PatientBannerViewModel.Provenance provenance) {
        label.setText(text);
        boolean fromSources = provenance == PatientBannerViewModel.Provenance.SOURCES;
        label.pseudoClassStateChanged(FROM_SOURCES, fromSources);
        String tip = fromSources ? texts.get("banner.fromSources")
                : provenance == PatientBannerViewModel.Provenance.SOURCES_DISAGREE
                        ? texts.get("banner.sourcesDisagree") : null;
        if (tip == null) {
            label.setTooltip(null);
        } else if (label.getTooltip() == null || !tip.equals(label.getTooltip().getText())) {
            label.setTooltip(new Tooltip(tip));
        }
    }

    /** The BSN text as shown, for tests and accessibility checks. */
    public String bsnText() {
        return bsn.getText();
    }
}
