package nl.duoviewer.app.identity;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import nl.duoviewer.app.i18n.Texts;

/**
 * The dialog that asks for the UZI-pas PIN (or a key's password) each session: the view of a
 * {@link PinPromptViewModel}, in the user's language. The typed characters go to the view model on confirmation and
 * the field is cleared; nothing is stored.
 */
public final class PinDialog extends Dialog<ButtonType> {

    private final PasswordField field = new PasswordField();

    public PinDialog(PinPromptViewModel model, Texts texts, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(texts.get(model.titleKey()));
        setHeaderText(texts.get(model.titleKey()));
        Label message = new Label(texts.get(model.messageKey(), model.subject()));
        message.setWrapText(true);
        message.setId("pin-message");
        VBox box = new VBox(8, message);
        model.errorKey().ifPresent(key -> {
            Label error = new Label(texts.get(key));
            error.setId("pin-error");
            error.getStyleClass().add("pin-error");
            box.getChildren().add(error);
        });
        field.setId("pin-field");
        field.setPromptText(texts.get("pin.field"));
        field.setTextFormatter(new TextFormatter<String>(change ->
                model.accepts(change.getControlNewText()) ? change : null));
        box.getChildren().add(field);
        getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(texts.get("pin.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("pin.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(ok, cancel);
        var okButton = getDialogPane().lookupButton(ok);
        okButton.setId("pin-ok");
        getDialogPane().lookupButton(cancel).setId("pin-cancel");
        okButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !model.canSubmit(field.getLength()), field.textProperty()));
        setOnShown(e -> field.requestFocus());
        setResultConverter(button -> {
            if (button == ok) {
                model.submit(field.getText().toCharArray());
            } else {
                model.cancel();
            }
            field.clear();
            return button;
        });
        setOnCloseRequest(e -> {
            if (!model.answer().isDone()) {
                model.cancel();
            }
        });
    }
}
