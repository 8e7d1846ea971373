package nl.duoviewer.launch.smart.archfixture;

import javafx.scene.control.Label;

import nl.duoviewer.app.launch.LaunchSource;

/** A deliberate violation: a SMART client class that uses JavaFX and the app. Only ArchitectureTest reads it. */
public final class SmartClassThatReachesIntoTheApp {

    public Label show() {
        return new Label(LaunchSource.SMART_ON_FHIR.textKey());
    }
}
