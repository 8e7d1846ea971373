package nl.duoviewer.app.patient;

import java.time.LocalDate;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.core.patient.AgreedDemographics;
import nl.duoviewer.core.patient.Sex;
import nl.duoviewer.core.patient.SourcePatientInfo;

/**
 * What the patient banner shows: the patient on screen (BSN and where the context came from), and name, birth date
 * and sex with where each came from. The launch's demographics are shown as given and never replaced; what the launch
 * did not supply is taken from the query results once the sources that name this BSN agree on it (see
 * {@link AgreedDemographics}); when they disagree, nothing is shown rather than a guess. UI thread only; holds no
 * controls and no text.
 */
public final class PatientBannerViewModel {

    /** Where a shown value came from. */
    public enum Provenance {
        /** The launching system (EHR link, command line, demo) supplied it. */
        LAUNCH,
        /** The sources' registries agree on it. */
        SOURCES,
        /** Nobody supplied it (yet). */
        NOT_SUPPLIED,
        /** The sources disagree: nothing is shown. */
        SOURCES_DISAGREE
    }

    /**
     * One shown part of the demographics.
     *
     * @param value the value, null unless the provenance is LAUNCH or SOURCES
     */
    public record Shown<T>(T value, Provenance provenance) {

        static <T> Shown<T> launch(T value) {
            return value == null ? notSupplied() : new Shown<>(value, Provenance.LAUNCH);
        }

        static <T> Shown<T> notSupplied() {
            return new Shown<>(null, Provenance.NOT_SUPPLIED);
        }

        static <T> Shown<T> fromSources(AgreedDemographics.Agreed<T> agreed) {
            return switch (agreed.agreement()) {
                case AGREE -> new Shown<>(agreed.value(), Provenance.SOURCES);
                case DISAGREE -> new Shown<>(null, Provenance.SOURCES_DISAGREE);
                case NONE -> notSupplied();
            };
        }
    }

    private final ReadOnlyObjectWrapper<LaunchContext> context = new ReadOnlyObjectWrapper<>(this, "context");
    private final ReadOnlyObjectWrapper<Shown<String>> name = new ReadOnlyObjectWrapper<>(this, "name",
            Shown.notSupplied());
    private final ReadOnlyObjectWrapper<Shown<LocalDate>> birthDate = new ReadOnlyObjectWrapper<>(this, "birthDate",
            Shown.notSupplied());
    private final ReadOnlyObjectWrapper<Shown<Sex>> sex = new ReadOnlyObjectWrapper<>(this, "sex",
            Shown.notSupplied());
    private final ReadOnlyObjectWrapper<String> knownName = new ReadOnlyObjectWrapper<>(this, "knownName");

    /** Shows the patient of a launch context (null: no patient), with only what the launch supplied. */
    public void show(LaunchContext launch) {
        context.set(launch);
        name.set(launch == null ? Shown.notSupplied() : Shown.launch(launch.demographics().nameIfKnown()
                .orElse(null)));
        birthDate.set(launch == null ? Shown.notSupplied() : Shown.launch(launch.demographics().birthDateIfKnown()
                .orElse(null)));
        sex.set(launch == null ? Shown.notSupplied()
                : Shown.launch(launch.demographics().sexIfKnown().orElse(null)));
        knownName.set(name.get().value());
    }

    /**
     * Takes what the query results say about the patient on screen for every part the launch did not supply.
     * Called with all results so far each time, so a source that disagrees later takes back what was shown.
     */
    public void applySources(List<SourcePatientInfo> sources) {
        LaunchContext launch = context.get();
        if (launch == null) {
            return;
        }
        AgreedDemographics agreed = AgreedDemographics.of(launch.patient(), sources);
        if (name.get().provenance() != Provenance.LAUNCH) {
            name.set(Shown.fromSources(agreed.name()));
        }
        if (birthDate.get().provenance() != Provenance.LAUNCH) {
            birthDate.set(Shown.fromSources(agreed.birthDate()));
        }
        if (sex.get().provenance() != Provenance.LAUNCH) {
            sex.set(Shown.fromSources(agreed.sex()));
        }
        knownName.set(name.get().value());
    }

    /** The patient context on screen, null when none. */
    public ReadOnlyObjectProperty<LaunchContext> contextProperty() {
        return context.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shown<String>> nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shown<LocalDate>> birthDateProperty() {
        return birthDate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shown<Sex>> sexProperty() {
        return sex.getReadOnlyProperty();
    }

    /** The name as shown, null when none is (for the image overlay, which repeats the banner). */
    public ReadOnlyObjectProperty<String> knownNameProperty() {
        return knownName.getReadOnlyProperty();
    }
}
