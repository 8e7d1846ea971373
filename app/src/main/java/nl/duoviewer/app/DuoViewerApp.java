package nl.duoviewer.app;

import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import nl.duoviewer.app.concurrency.BackgroundExecutor;
import nl.duoviewer.app.concurrency.FxThread;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.launch.AppOptions;
import nl.duoviewer.app.launch.CommandLine;
import nl.duoviewer.app.launch.InstanceChannel;
import nl.duoviewer.app.workspace.Workspace;
import nl.duoviewer.app.workspace.WorkspaceView;
import nl.duoviewer.core.pixel.FramePipeline;

/** The JavaFX application: one main window holding the {@link Workspace}. Started by {@link Main}. */
public final class DuoViewerApp extends Application {

    private final ServiceWiring.NetworkChoice networks;
    private final List<String> args;
    private AppOptions options;
    private BackgroundExecutor background;
    private FramePipeline decoding;
    private ImagingService service;
    private Workspace workspace;
    private InstanceChannel instanceChannel;

    /** The application on the network the command line asks for. */
    public DuoViewerApp() {
        this(ServiceWiring.DEFAULT, null);
    }

    /**
     * The application on a network chosen by the caller (tests: an embedded network they control), with the command
     * line given here rather than by the JavaFX launcher.
     */
    DuoViewerApp(ServiceWiring.NetworkChoice networks, List<String> args) {
        this.networks = networks;
        this.args = args;
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
        ServiceWiring.Wired wired = ServiceWiring.create(options, texts, networks, decoding);
        service = wired.service();
        workspace = new Workspace(service, texts, FxThread.EXECUTOR, background, new LoggedExports());
        WorkspaceView view = new WorkspaceView(workspace);
        view.setNetworkDescription(wired.initialStatus());
        background.submit(() -> {
            String description = service.networkDescription();
            FxThread.EXECUTOR.execute(() -> view.setNetworkDescription(description));
        });
        var screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1400, screen.getWidth() * 0.95),
                Math.min(900, screen.getHeight() * 0.95));
        Styles.apply(scene);
        stage.setTitle(AppInfo.NAME);
        workspace.currentProperty().addListener((o, a, b) -> stage.setTitle(b == null ? AppInfo.NAME
                : AppInfo.NAME + " - " + b.patient().masked()));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DuoViewerApp.class.getResource("icons/duoviewer-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);
        stage.show();
        // a demo user who gave no patient expects to see one: the embedded network's showcase patient
        options.launch().or(wired::defaultPatient).ifPresent(workspace::open);
        // later starts on this desktop hand their patient to this window instead of opening a second one
        instanceChannel = InstanceChannel.claim(InstanceChannel.defaultSocket(), later ->
                FxThread.EXECUTOR.execute(() -> {
                    later.launch().ifPresent(workspace::open);
                    stage.setIconified(false);
                    stage.toFront();
                })).orElse(null);
    }

    /** The imaging service the window runs on (tests reach the network through it). */
    ImagingService service() {
        return service;
    }

    @Override
    public void stop() {
        if (instanceChannel != null) {
            instanceChannel.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (service != null) {
            service.close();
        }
        if (decoding != null) {
            decoding.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
