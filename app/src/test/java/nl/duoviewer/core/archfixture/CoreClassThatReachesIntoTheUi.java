package nl.duoviewer.core.archfixture;

import javafx.scene.control.Label;

import nl.duoviewer.app.launch.LaunchSource;

/**
 * Deliberately breaks the layering (a "core" class using JavaFX and the app), so the architecture test can prove its
 * rule fails. Lives in test sources only.
 */
public final class CoreClassThatReachesIntoTheUi {

    private CoreClassThatReachesIntoTheUi() {
    }

    public static Label label() {
        return new Label(LaunchSource.COMMAND_LINE.textKey());
    }
}
