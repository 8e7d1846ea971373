package nl.duoviewer.app.launch;

import java.util.Objects;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

import nl.duoviewer.app.i18n.Texts;

/**
 * Asks the user whether a launch from outside may replace the patient on screen (a link, IHE Invoke Image Display, a
 * second start, a SMART launch): the view of {@link LaunchGate}.
 * Keeping the current patient is the default button, so a stray Enter changes nothing.
 */
public final class SwitchPatientDialog {

    /** Id of the dialog's pane, for tests and styling. */
    public static final String PANE_ID = "switch-patient-dialog";

    private final LaunchGate gate;
    private final Texts texts;
    private final Window owner;
    private Alert alert;

    public SwitchPatientDialog(LaunchGate gate, Texts texts, Window owner) {
        this.gate = Objects.requireNonNull(gate);
        this.texts = Objects.requireNonNull(texts);
        this.owner = owner;
        gate.onPending(this::pendingChanged);
    }

    private void pendingChanged(Optional<LaunchGate.SwitchRequest> request) {
        hide();
        request.ifPresent(this::show);
    }

    private void show(LaunchGate.SwitchRequest r) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        if (owner != null) {
            a.initOwner(owner);
            a.initModality(Modality.WINDOW_MODAL);
        }
        a.setTitle(texts.get("switch.title"));
        a.setHeaderText(texts.get("switch.title"));
        a.setContentText(texts.get("switch.body", describe(r.open()), describe(r.requested()),
                texts.get(source(r.requested()).textKey())));
        ButtonType switchTo = new ButtonType(texts.get("switch.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(texts.get("switch.decline"), ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(keep, switchTo);
        a.getDialogPane().setId(PANE_ID);
        Button keepButton = (Button) a.getDialogPane().lookupButton(keep);
        Button switchButton = (Button) a.getDialogPane().lookupButton(switchTo);
        keepButton.setId("switch-keep");
        switchButton.setId("switch-confirm");
        switchButton.setDefaultButton(false);
        keepButton.setDefaultButton(true);
        a.resultProperty().addListener((o, before, result) -> {
            if (alert != a || result == null) {
                return; // closed because a newer question replaced it
            }
            alert = null;
            if (result == switchTo) {
                gate.confirm();
            } else {
                gate.decline();
            }
        });
        alert = a;
        a.show();
    }

    private void hide() {
        Alert a = alert;
        alert = null;
        if (a != null && a.isShowing()) {
            a.close();
        }
    }

    private String describe(LaunchRequest requested) {
        return switch (requested) {
            case LaunchContext c -> describe(c);
            case SmartLaunch s -> texts.get("switch.smartPatient", s.request().iss());
        };
    }

    private static LaunchSource source(LaunchRequest requested) {
        return switch (requested) {
            case LaunchContext c -> c.source();
            case SmartLaunch s -> LaunchSource.SMART_ON_FHIR;
        };
    }

    private String describe(LaunchContext c) {
        String bsn = texts.get("banner.bsn", c.patient().formatted());
        return c.demographics().nameIfKnown().map(n -> bsn + " (" + n + ")").orElse(bsn);
    }
}
