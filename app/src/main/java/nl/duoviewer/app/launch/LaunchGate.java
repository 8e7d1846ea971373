package nl.duoviewer.app.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import nl.duoviewer.xca.config.LaunchSettings;

/**
 * Decides what a launch from outside the window (a {@code duoviewer://} link, an IHE Invoke Image Display link, a
 * second start with {@code --bsn}) may do to the patient on screen (decision record 14). Any web page can make the
 * desktop open a link, so a launch that would replace an open patient with another one is put to the user first,
 * unless it carries the token IT configured for the EHR. A launch for the patient already open, or while none is
 * open, goes ahead. The view model of {@code SwitchPatientDialog}: no JavaFX here; call on the UI thread.
 */
public final class LaunchGate {

    /**
     * A launch waiting for the user's answer.
     *
     * @param open      the patient on screen
     * @param requested the patient the launch asks for
     */
    public record SwitchRequest(LaunchContext open, LaunchContext requested) {
        public SwitchRequest {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(requested, "requested");
        }
    }

    /** What became of a launch. */
    public enum Outcome {
        /** Opened at once: nothing was open, the same patient, or the configured token. */
        OPENED,
        /** Put to the user; it opens only when the user agrees. */
        ASKED
    }

    private final LaunchSettings settings;
    private final Supplier<LaunchContext> current;
    private final Consumer<LaunchContext> open;
    private Consumer<Optional<SwitchRequest>> onPending = p -> { };
    private SwitchRequest pending;

    /**
     * @param current the patient context on screen, null when none
     * @param open    opens a context (the workspace, which clears the previous patient first)
     */
    public LaunchGate(LaunchSettings settings, Supplier<LaunchContext> current, Consumer<LaunchContext> open) {
        this.settings = Objects.requireNonNull(settings);
        this.current = Objects.requireNonNull(current);
        this.open = Objects.requireNonNull(open);
    }

    /** Tells the view when a question appears (present) or is answered or dropped (empty). */
    public void onPending(Consumer<Optional<SwitchRequest>> listener) {
        this.onPending = Objects.requireNonNull(listener);
    }

    /** The question waiting for the user, if any. */
    public Optional<SwitchRequest> pending() {
        return Optional.ofNullable(pending);
    }

    /** A launch arrived from outside the window. A newer launch replaces a question still waiting. */
    public Outcome arrive(LaunchContext requested, Optional<LaunchToken> token) {
        Objects.requireNonNull(requested);
        LaunchContext onScreen = current.get();
        boolean replaces = onScreen != null && !onScreen.patient().equals(requested.patient());
        if (!replaces || token.map(t -> t.acceptedBy(settings)).orElse(false)) {
            setPending(null);
            open.accept(requested);
            return Outcome.OPENED;
        }
        setPending(new SwitchRequest(onScreen, requested));
        return Outcome.ASKED;
    }

    /** The user agrees: the requested patient replaces the open one. */
    public void confirm() {
        SwitchRequest p = pending;
        setPending(null);
        if (p != null) {
            open.accept(p.requested());
        }
    }

    /** The user declines: the open patient stays, the launch is dropped. */
    public void decline() {
        setPending(null);
    }

    private void setPending(SwitchRequest p) {
        pending = p;
        onPending.accept(Optional.ofNullable(p));
    }
}
