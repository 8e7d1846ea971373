package nl.duoviewer.app.archfixture;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;

/**
 * Deliberately breaks the MVVM rule: a "view model" that sets a control's text, so the architecture test can prove
 * its rule fails. Lives in test sources only.
 */
public final class ControlTouchingViewModel {

    private final SimpleStringProperty title = new SimpleStringProperty("");

    public void showIn(Label label) {
        label.setText(title.get());
    }
}
