package nl.duoviewer.app.workspace;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchRequest;
import nl.duoviewer.app.launch.LaunchToken;
import nl.duoviewer.app.launch.SmartLaunch;
import nl.duoviewer.app.launch.SmartLauncher;
import nl.duoviewer.launch.smart.SmartLaunchException;

/**
 * The one place that decides what a new launch does, whatever path it came by: the command line, a
 * {@code duoviewer://} link, IHE Invoke Image Display, SMART on FHIR, the toolbar, a later start handed over by the
 * single-instance channel, the demo.
 *
 * <p>{@link #launch}: the {@link ReplaceConfirmation} decides first; in the application that is the
 * {@link nl.duoviewer.app.launch.LaunchGate} with its dialog (decision record 14), which lets a launch go ahead at once
 * when nothing is open, for the same patient, for the user's own toolbar entry or with IT's launch token, and else
 * asks the user (declined: nothing changes). Only then is the previous patient cleared (screen, running work, the
 * service's caches), before anything of the new one happens. A ready context opens at once. A SMART launch shows
 * "signing in at the EHR" while the user signs in in the browser, on its own thread; its patient opens only if no
 * newer launch came meanwhile, and a failure leaves the screen empty with the typed reason. Call on the JavaFX
 * thread.
 */
public final class LaunchRoute {

    private static final System.Logger LOG = System.getLogger(LaunchRoute.class.getName());

    /**
     * Decides whether a launch may replace the patient on screen: the one decision every launch path passes.
     */
    @FunctionalInterface
    public interface ReplaceConfirmation {
        /** Replaces without asking (the default until the application plugs in its launch gate). */
        ReplaceConfirmation ALWAYS = (onScreen, incoming, token, proceed) -> proceed.run();

        /**
         * Runs {@code proceed} on the JavaFX thread when {@code incoming} may replace {@code onScreen}: at once, or
         * once the user agreed; never when not.
         *
         * @param onScreen the patient context on screen; null when none
         * @param token    the launch token the link carried, if any
         */
        void decide(LaunchContext onScreen, LaunchRequest incoming, Optional<LaunchToken> token, Runnable proceed);

        /** A decision answered at once by {@code answer} whenever a patient is on screen. */
        static ReplaceConfirmation answering(BiPredicate<LaunchContext, LaunchRequest> answer) {
            Objects.requireNonNull(answer);
            return (onScreen, incoming, token, proceed) -> {
                if (onScreen == null || answer.test(onScreen, incoming)) {
                    proceed.run();
                }
            };
        }
    }

    /** What the route is doing, for the status bar. */
    public sealed interface Status {
    }

    /** Nothing pending. */
    public record Idle() implements Status {
    }

    /** The user is signing in at the EHR of {@code issuer}. */
    public record SigningIn(URI issuer) implements Status {
    }

    /** The last SMART launch opened no patient, for this reason. */
    public record Failed(SmartLaunchException.Reason reason) implements Status {
    }

    private static final Idle IDLE = new Idle();

    private final Workspace workspace;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", IDLE);
    /** Null until the application sets one: SMART launches are then refused as from an untrusted EHR. */
    private volatile SmartLauncher smart;
    private ReplaceConfirmation confirmation = ReplaceConfirmation.ALWAYS;
    /** Bumped by every launch that arrives; a confirmation that comes after a newer arrival is dropped. */
    private long arrivals;
    /** Bumped by every launch that replaces the screen; a SMART result of an older one is dropped. */
    private long generation;
    private Thread pending;

    LaunchRoute(Workspace workspace, Executor ui) {
        this.workspace = Objects.requireNonNull(workspace);
        this.ui = Objects.requireNonNull(ui);
    }

    /** How SMART launches are run (the deployment's EHRs, or the demo EHR). */
    public void useSmart(SmartLauncher launcher) {
        smart = Objects.requireNonNull(launcher);
    }

    /** Sets the one decision (the application's launch gate with its dialog; tests a fixed answer). */
    public void confirmReplaceWith(ReplaceConfirmation confirm) {
        confirmation = Objects.requireNonNull(confirm);
    }

    /** A launch that carries no launch token (the command line at start, the toolbar, the demo). */
    public void launch(LaunchRequest request) {
        launch(request, Optional.empty());
    }

    /**
     * The single entry point for every launch: the {@link ReplaceConfirmation} decides; a launch it lets through clears
     * the previous patient, then opens its context or starts the SMART sign-in.
     *
     * @param token the launch token the link carried, if any (checked by the launch gate, nowhere else)
     */
    public void launch(LaunchRequest request, Optional<LaunchToken> token) {
        Objects.requireNonNull(request);
        Objects.requireNonNull(token);
        long arrival = ++arrivals;
        confirmation.decide(workspace.currentProperty().get(), request, token, () -> {
            if (arrival == arrivals) { // a newer launch came while the user was asked: this one is dropped
                replace(request);
            }
        });
    }

    /** Clears the previous patient, then opens the context or starts the SMART sign-in. */
    private void replace(LaunchRequest request) {
        long launch = ++generation;
        stopPending();
        workspace.closePatient(); // the previous patient goes before anything of the new one happens
        switch (request) {
            case LaunchContext context -> {
                status.set(IDLE);
                workspace.open(context);
            }
            case SmartLaunch smartLaunch -> signIn(launch, smartLaunch);
        }
    }

    private void signIn(long launch, SmartLaunch request) {
        SmartLauncher launcher = smart;
        if (launcher == null) {
            status.set(new Failed(SmartLaunchException.Reason.ISSUER_NOT_TRUSTED));
            return;
        }
        status.set(new SigningIn(request.request().iss()));
        pending = Thread.ofVirtual().name("smart-launch").start(() -> {
            try {
                LaunchContext done = launcher.launch(request);
                ui.execute(() -> {
                    if (launch == generation) {
                        pending = null;
                        status.set(IDLE);
                        workspace.open(done); // signs in the EHR's user first, where trusted
                    }
                });
            } catch (SmartLaunchException e) {
                if (e.reason() == SmartLaunchException.Reason.CANCELLED) {
                    return;
                }
                // the message is technical and holds no token; the user sees the translated reason
                LOG.log(System.Logger.Level.INFO, "SMART launch from " + request.request().iss() + " stopped: "
                        + e.getMessage());
                failed(launch, e.reason());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "SMART launch failed", e);
                failed(launch, SmartLaunchException.Reason.FHIR_READ_FAILED);
            }
        });
    }

    private void failed(long launch, SmartLaunchException.Reason reason) {
        ui.execute(() -> {
            if (launch == generation) {
                pending = null;
                status.set(new Failed(reason));
            }
        });
    }

    /** Stops a sign-in in progress (the user's Cancel); nothing opens. */
    public void cancel() {
        generation++;
        stopPending();
        status.set(IDLE);
    }

    /** Hides a failure message. */
    public void dismiss() {
        if (status.get() instanceof Failed) {
            status.set(IDLE);
        }
    }

    private void stopPending() {
        Thread t = pending;
        pending = null;
        if (t != null) {
            t.interrupt();
        }
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
