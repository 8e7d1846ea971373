package nl.duoviewer.app.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import nl.duoviewer.xca.config.LaunchSettings;

/**
 * Decides what a launch may do to the patient on screen (decision record 14); the application plugs it into the one
 * launch route ({@code LaunchRoute}), so every path comes by here: a {@code duoviewer://} link, an IHE Invoke Image
 * Display link, a second start with {@code --bsn}, a SMART on FHIR launch, the toolbar. Any web page can make the
 * desktop open a link, so a launch that would replace an open patient with another one is put to the user first,
 * unless it carries the token IT configured for the EHR. A launch for the patient already open, one while none is
 * open, and the user's own entry in the toolbar go ahead. A SMART launch names no patient until the user has signed
 * in at the EHR, so with a patient open it is always asked (or needs the token). The view model of
 * {@code SwitchPatientDialog}: no JavaFX here; call on the UI thread.
 */
public final class LaunchGate {

    /**
     * A launch waiting for the user's answer.
     *
     * @param open      the patient on screen
     * @param requested what the launch asks for: a patient context, or a SMART launch (its patient comes from the
     *                  EHR after sign-in)
     */
    public record SwitchRequest(LaunchContext open, LaunchRequest requested) {
        public SwitchRequest {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(requested, "requested");
        }
    }

    /** What became of a launch. */
    public enum Outcome {
        /** Went ahead at once: nothing was open, the same patient, the user's own entry, or the configured token. */
        OPENED,
        /** Put to the user; it goes ahead only when the user agrees. */
        ASKED
    }

    /** A question and what to do when the user agrees. */
    private record Pending(SwitchRequest request, Runnable proceed) {
    }

    private final LaunchSettings settings;
    private Consumer<Optional<SwitchRequest>> onPending = p -> { };
    private Pending pending;

    public LaunchGate(LaunchSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /** Tells the view when a question appears (present) or is answered or dropped (empty). */
    public void onPending(Consumer<Optional<SwitchRequest>> listener) {
        this.onPending = Objects.requireNonNull(listener);
    }

    /** The question waiting for the user, if any. */
    public Optional<SwitchRequest> pending() {
        return Optional.ofNullable(pending).map(Pending::request);
    }

    /**
     * A launch arrived. Runs {@code proceed} at once when it may replace {@code onScreen}, else asks the user and runs
     * it only when the user agrees. A newer launch replaces a question still waiting.
     *
     * @param onScreen  the patient context on screen; null when none
     * @param requested what the launch asks for
     * @param token     the launch token the link carried, if any
     * @param proceed   what the launch does (the route clears the open patient, then opens or signs in)
     */
    public Outcome decide(LaunchContext onScreen, LaunchRequest requested, Optional<LaunchToken> token,
                          Runnable proceed) {
        Objects.requireNonNull(requested);
        Objects.requireNonNull(proceed);
        if (onScreen == null || !replacesAnother(onScreen, requested)
                || token.map(t -> t.acceptedBy(settings)).orElse(false)) {
            setPending(null);
            proceed.run();
            return Outcome.OPENED;
        }
        setPending(new Pending(new SwitchRequest(onScreen, requested), proceed));
        return Outcome.ASKED;
    }

    /** False for the same patient and for the user's own toolbar entry (the user is the one switching). */
    private static boolean replacesAnother(LaunchContext onScreen, LaunchRequest requested) {
        return switch (requested) {
            case LaunchContext c -> c.source() != LaunchSource.MANUAL_ENTRY && !onScreen.patient().equals(c.patient());
            case SmartLaunch s -> true;
        };
    }

    /** The user agrees: the launch replaces the open patient. */
    public void confirm() {
        Pending p = pending;
        setPending(null);
        if (p != null) {
            p.proceed().run();
        }
    }

    /** The user declines: the open patient stays, the launch is dropped. */
    public void decline() {
        setPending(null);
    }

    private void setPending(Pending p) {
        pending = p;
        onPending.accept(Optional.ofNullable(p).map(Pending::request));
    }
}
