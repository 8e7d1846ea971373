package nl.duoviewer.app;

import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import nl.duoviewer.app.audit.AuditPort;
import nl.duoviewer.app.audit.WorkstationAudit;
import nl.duoviewer.app.concurrency.BackgroundExecutor;
import nl.duoviewer.app.concurrency.FxThread;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.identity.FxSecretPrompt;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.launch.AppOptions;
import nl.duoviewer.app.launch.CommandLine;
import nl.duoviewer.app.launch.InstanceChannel;
import nl.duoviewer.app.launch.LaunchGate;
import nl.duoviewer.app.launch.SmartLauncher;
import nl.duoviewer.app.launch.SmartSettingsFile;
import nl.duoviewer.app.launch.SwitchPatientDialog;
import nl.duoviewer.app.network.EmbeddedDemoNetwork;
import nl.duoviewer.app.workspace.LaunchRoute;
import nl.duoviewer.app.workspace.Workspace;
import nl.duoviewer.app.workspace.WorkspaceView;
import nl.duoviewer.launch.smart.Browser;
import nl.duoviewer.xca.config.LaunchSettings;
import nl.duoviewer.core.pixel.FramePipeline;

/** The JavaFX application: one main window holding the {@link Workspace}. Started by {@link Main}. */
public final class DuoViewerApp extends Application {

    private static final System.Logger LOG = System.getLogger(DuoViewerApp.class.getName());

    private final ServiceWiring.NetworkChoice networks;
    private final List<String> args;
    private final Browser browser;
    private volatile EmbeddedDemoNetwork.DemoEhr demoEhr;
    private Stage stage;
    private AppOptions options;
    private BackgroundExecutor background;
    private FramePipeline decoding;
    private ImagingService service;
    private WorkstationAudit audit;
    private Thread auditAtExit;
    private Workspace workspace;
    private InstanceChannel instanceChannel;
    private LaunchGate launchGate;

    /** The application on the network the command line asks for. */
    public DuoViewerApp() {
        this(ServiceWiring.DEFAULT, null, Browser.system());
    }

    /**
     * The application on a network chosen by the caller (tests: an embedded network they control), with the command
     * line given here rather than by the JavaFX launcher.
     */
    DuoViewerApp(ServiceWiring.NetworkChoice networks, List<String> args) {
        this(networks, args, Browser.system());
    }

    /** As above, with the web browser the SMART sign-in opens in (tests: a headless one). */
    DuoViewerApp(ServiceWiring.NetworkChoice networks, List<String> args, Browser browser) {
        this.networks = networks;
        this.args = args;
        this.browser = browser;
    }

    @Override
    public void init() {
        // Main validated the arguments already; parsing again keeps the application free of static state
        List<String> raw = args != null ? args : getParameters().getRaw();
        if (!(CommandLine.parse(raw.toArray(String[]::new)) instanceof CommandLine.Run run)) {
            throw new IllegalStateException("invalid command line reached the application");
        }
        options = run.options();
    }

    @Override
    public void start(Stage stage) {
        Texts texts = Texts.forDefaultLocale();
        background = new BackgroundExecutor("duoviewer-io", 4);
        decoding = FramePipeline.perCore();
        ServiceWiring.Wired wired = ServiceWiring.create(options, texts, networks, decoding,
                new FxSecretPrompt(texts, () -> stage));
        service = wired.service();
        audit = wired.audit();
        if (audit != null) {
            // stopped by the desktop session or a signal, not through the window: the queued events still go in
            auditAtExit = Thread.ofPlatform().unstarted(audit::close);
            Runtime.getRuntime().addShutdownHook(auditAtExit);
        }
        workspace = new Workspace(service, texts, FxThread.EXECUTOR, background,
                audit != null ? audit : AuditPort.NONE); // without a trail the service shows nothing to audit
        WorkspaceView view = new WorkspaceView(workspace);
        view.setNetworkDescription(wired.initialStatus());
        // the embedded demo network is never mistaken for a real one: a band above the banner and the title say so
        wired.demoMarking().ifPresent(view::showDemoMarking);
        String title = wired.demoMarking().isPresent() ? AppInfo.NAME + " - " + texts.get("demo.title")
                : AppInfo.NAME;
        background.submit(() -> {
            String description = service.networkDescription();
            FxThread.EXECUTOR.execute(() -> view.setNetworkDescription(description));
        });
        var screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1400, screen.getWidth() * 0.95),
                Math.min(900, screen.getHeight() * 0.95));
        Styles.apply(scene);
        stage.setTitle(title);
        workspace.currentProperty().addListener((o, a, b) -> stage.setTitle(b == null ? title
                : title + " - " + b.patient().masked()));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DuoViewerApp.class.getResource("icons/duoviewer-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);
        stage.show();
        this.stage = stage;
        LaunchRoute route = workspace.route();
        route.useSmart(smartLauncher(wired));
        // the one decision of the one route: a launch that would replace the open patient asks the user first
        // (links, IHE IID, second starts, SMART), unless it carries the token IT configured; --demo-ehr registers its
        // demo EHR with a token of this run, as IT would register the hospital's EHR
        String demoEhrToken = options.demoEhr() ? EmbeddedDemoNetwork.newLaunchToken() : null;
        launchGate = new LaunchGate(demoEhrToken != null ? LaunchSettings.withToken(demoEhrToken) : wired.launch());
        new SwitchPatientDialog(launchGate, texts, stage);
        route.confirmReplaceWith(launchGate::decide);
        if (options.demoEhr()) {
            startDemoEhr(texts, wired, route, demoEhrToken); // the user launches from the demo EHR's page
        } else {
            // a demo user who gave no patient expects to see one: the embedded network's showcase patient
            options.request().or(() -> wired.defaultPatient().map(c -> c))
                    .ifPresent(r -> route.launch(r, options.launchToken()));
        }
        // later starts on this desktop hand their patient to this window instead of opening a second one
        instanceChannel = InstanceChannel.claim(InstanceChannel.defaultSocket(), later ->
                FxThread.EXECUTOR.execute(() -> launchLater(later))).orElse(null);
    }

    /** A launch that reached the running window (a later start, or the demo EHR): through the one route. */
    private void launchLater(AppOptions later) {
        later.request().ifPresent(r -> workspace.route().launch(r, later.launchToken()));
        stage.setIconified(false);
        stage.toFront();
    }

    /** SMART launches as the configuration file allows them; none without one (the demo EHR sets its own). */
    private SmartLauncher smartLauncher(ServiceWiring.Wired wired) {
        if (wired.configFile().isEmpty()) {
            return SmartLauncher.disabled();
        }
        try {
            return new SmartLauncher(SmartSettingsFile.load(wired.configFile().get()), browser);
        } catch (IllegalArgumentException e) {
            // Main validated the file before the window opened; a file changed since then refuses SMART
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return SmartLauncher.disabled();
        }
    }

    /**
     * {@code --demo-ehr}: starts the demo EHR beside the network (in the background: HAPI takes a moment), trusts
     * it for launches, prints its address and opens it in the browser. Its "Launch viewer" button hands the launch
     * link to this window the way the desktop hands over a clicked link; the link carries {@code launchToken}.
     */
    private void startDemoEhr(Texts texts, ServiceWiring.Wired wired, LaunchRoute route, String launchToken) {
        background.submit(() -> {
            try {
                EmbeddedDemoNetwork.DemoEhr ehr = EmbeddedDemoNetwork.startEhrSandbox(wired.network(), launchToken,
                        link -> FxThread.EXECUTOR.execute(() -> {
                            if (CommandLine.parse(link.toString()) instanceof CommandLine.Run run) {
                                launchLater(run.options());
                            }
                        }));
                demoEhr = ehr;
                FxThread.EXECUTOR.execute(() -> route.useSmart(new SmartLauncher(ehr.settings(), browser)));
                System.out.println(texts.get("demoEhr.started", ehr.home()));
                try {
                    browser.open(ehr.home());
                } catch (java.io.IOException e) {
                    // the address is printed; a machine without a browser can still use another one
                }
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println(texts.get("demoEhr.failed", String.valueOf(e.getMessage())));
            }
        });
    }

    /** The demo EHR once it runs (tests drive it); null before or without {@code --demo-ehr}. */
    EmbeddedDemoNetwork.DemoEhr demoEhr() {
        return demoEhr;
    }

    /** The window's workspace (tests reach the launch route through it). */
    Workspace workspace() {
        return workspace;
    }

    /** The decision every launch passes through the route (tests answer its questions through it). */
    LaunchGate launchGate() {
        return launchGate;
    }

    /** The imaging service the window runs on (tests reach the network through it). */
    ImagingService service() {
        return service;
    }

    /** The workstation's audit trail (tests read what it recorded). */
    WorkstationAudit audit() {
        return audit;
    }

    @Override
    public void stop() {
        if (instanceChannel != null) {
            instanceChannel.close();
        }
        if (demoEhr != null) {
            demoEhr.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (service != null) {
            service.close();
        }
        if (audit != null) {
            audit.close(); // after the workspace and the client: their last events are in
            try {
                Runtime.getRuntime().removeShutdownHook(auditAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down: the hook runs and finds the trail closed
            }
        }
        if (decoding != null) {
            decoding.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
