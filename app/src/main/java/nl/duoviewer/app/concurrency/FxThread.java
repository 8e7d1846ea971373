package nl.duoviewer.app.concurrency;

import java.util.concurrent.Executor;

import javafx.application.Platform;

/** The JavaFX application thread as an {@link Executor}, and a guard for code that must run on it. */
public final class FxThread {

    /** Runs tasks later on the JavaFX thread, in submission order. */
    public static final Executor EXECUTOR = Platform::runLater;

    private FxThread() {
    }

    /** Fails fast when called off the JavaFX thread; UI state is only ever touched there. */
    public static void require() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("must run on the JavaFX thread, not " + Thread.currentThread().getName());
        }
    }
}
