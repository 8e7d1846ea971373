package nl.duoviewer.app.identity;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Window;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.xca.security.SecretPrompt;
import nl.duoviewer.xca.security.SecretRequest;

/**
 * Asks the user for a PIN or password with a {@link PinDialog} on the JavaFX thread, for the background thread that
 * needs it. A question left unanswered for {@link #WAIT_MINUTES} minutes counts as cancelled.
 */
public final class FxSecretPrompt implements SecretPrompt {

    static final long WAIT_MINUTES = 10;

    private final Texts texts;
    private final Supplier<Window> owner;

    public FxSecretPrompt(Texts texts, Supplier<Window> owner) {
        this.texts = texts;
        this.owner = owner;
    }

    @Override
    public Optional<char[]> ask(SecretRequest request) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a PIN is asked for from a background thread, never the UI thread");
        }
        PinPromptViewModel model = new PinPromptViewModel(request);
        Platform.runLater(() -> {
            try {
                new PinDialog(model, texts, owner.get()).showAndWait();
            } finally {
                model.cancel(); // no-op when answered
            }
        });
        try {
            return model.answer().get(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
