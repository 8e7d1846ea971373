package nl.duoviewer.xca.archfixture;

import javafx.beans.property.SimpleStringProperty;

/** Deliberately breaks a rule (a client class using JavaFX), so the architecture test can prove the rule fails. */
public final class ClientClassThatUsesJavaFx {

    private ClientClassThatUsesJavaFx() {
    }

    public static SimpleStringProperty status() {
        return new SimpleStringProperty("querying");
    }
}
