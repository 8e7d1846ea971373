package nl.duoviewer.app.patient;

import java.time.LocalDate;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import nl.duoviewer.app.launch.LaunchContext;

/**
 * What the patient banner shows: the patient on screen (BSN and where the context came from) and their name and
 * birth date as the launch supplied them. UI thread only; holds no controls and no text.
 */
public final class PatientBannerViewModel {

    private final ReadOnlyObjectWrapper<LaunchContext> context = new ReadOnlyObjectWrapper<>(this, "context");
    private final ReadOnlyObjectWrapper<String> name = new ReadOnlyObjectWrapper<>(this, "name");
    private final ReadOnlyObjectWrapper<LocalDate> birthDate = new ReadOnlyObjectWrapper<>(this, "birthDate");

    /** Shows the patient of a launch context, or no patient for null. */
    public void show(LaunchContext launch) {
        context.set(launch);
        name.set(launch == null ? null : launch.demographics().nameIfKnown().orElse(null));
        birthDate.set(launch == null ? null : launch.demographics().birthDateIfKnown().orElse(null));
    }

    /** The patient context on screen, null when none. */
    public ReadOnlyObjectProperty<LaunchContext> contextProperty() {
        return context.getReadOnlyProperty();
    }

    /** The patient's name, null when unknown. */
    public ReadOnlyObjectProperty<String> nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The birth date, null when unknown. */
    public ReadOnlyObjectProperty<LocalDate> birthDateProperty() {
        return birthDate.getReadOnlyProperty();
    }
}
