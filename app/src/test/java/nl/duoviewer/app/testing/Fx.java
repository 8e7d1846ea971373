package nl.duoviewer.app.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.testfx.util.WaitForAsyncUtils;

/** Reads and waits for UI state on the JavaFX thread, where it lives. */
public final class Fx {

    private Fx() {
    }

    /** Evaluates on the JavaFX thread and returns the result. */
    public static <T> T call(Callable<T> callable) {
        try {
            return WaitForAsyncUtils.asyncFx(callable).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("UI call failed", e);
        }
    }

    public static void run(Runnable runnable) {
        call(() -> {
            runnable.run();
            return null;
        });
    }

    /** Waits (up to 10 s) until the condition, evaluated on the JavaFX thread, holds. */
    public static void await(String what, Supplier<Boolean> condition) {
        await(what, 10, condition);
    }

    /** Waits up to {@code seconds} until the condition, evaluated on the JavaFX thread, holds. */
    public static void await(String what, long seconds, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(condition::get));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
