package nl.duoviewer.app.workspace;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import nl.duoviewer.app.i18n.Texts;

/**
 * A bar under the banner while a SMART launch signs in ("finish in your browser", with Cancel) or after one failed
 * (the reason in the user's language, with Close). Hidden otherwise.
 */
final class LaunchStatusBar extends HBox {

    private final Label text = new Label();
    private final Button action = new Button();

    LaunchStatusBar(LaunchRoute route, Texts texts) {
        getStyleClass().add("launch-status");
        setId("launch-status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        text.setId("launch-status");
        text.setWrapText(true);
        action.setId("launch-status-action");
        getChildren().addAll(text, action);
        route.statusProperty().addListener((o, before, now) -> show(now, route, texts));
        show(route.statusProperty().get(), route, texts);
    }

    private void show(LaunchRoute.Status status, LaunchRoute route, Texts texts) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"),
                status instanceof LaunchRoute.Failed);
        switch (status) {
            case LaunchRoute.Idle idle -> {
                setVisible(false);
                setManaged(false);
                text.setText("");
            }
            case LaunchRoute.SigningIn signingIn -> {
                setVisible(true);
                setManaged(true);
                text.setText(texts.get("launch.smart.signingIn", signingIn.issuer().getHost()));
                action.setText(texts.get("launch.smart.cancel"));
                action.setOnAction(e -> route.cancel());
            }
            case LaunchRoute.Failed failed -> {
                setVisible(true);
                setManaged(true);
                text.setText(texts.get("launch.smart.failed", texts.get("launch.smart.reason."
                        + failed.reason().name().toLowerCase(Locale.ROOT))));
                action.setText(texts.get("launch.smart.dismiss"));
                action.setOnAction(e -> route.dismiss());
            }
        }
    }
}
