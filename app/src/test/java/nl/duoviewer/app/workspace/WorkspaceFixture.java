package nl.duoviewer.app.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;

import nl.duoviewer.app.Styles;
import nl.duoviewer.app.concurrency.BackgroundExecutor;
import nl.duoviewer.app.concurrency.FxThread;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.testing.ScriptedImagingService;
import nl.duoviewer.app.viewer.ImageViewport;
import nl.duoviewer.app.viewer.ViewportViewModel;

/** The real workspace and its view in a real stage, on a scripted imaging service; plus screen queries. */
final class WorkspaceFixture implements AutoCloseable {

    final ScriptedImagingService service = new ScriptedImagingService();
    final BackgroundExecutor background = new BackgroundExecutor("test-io", 2);
    final Workspace workspace;
    final WorkspaceView view;

    WorkspaceFixture(Stage stage) {
        workspace = new Workspace(service, Texts.forLocale(Locale.ENGLISH), FxThread.EXECUTOR, background);
        view = new WorkspaceView(workspace);
        view.setNetworkDescription(service.networkDescription());
        Scene scene = new Scene(view, 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The active viewport's view model. */
    ViewportViewModel viewport() {
        return workspace.viewer().activeViewport();
    }

    /** The active viewport's image control, as on screen. */
    ImageViewport image() {
        return view.viewer().imageViewport();
    }

    /** Study UIDs of the timeline rows on screen, top to bottom. */
    static List<String> studyRowsOnScreen(FxRobot robot) {
        return Fx.call(() -> robot.lookup(".study-row").queryAll().stream()
                .map(n -> (ListCell<?>) n)
                .filter(c -> c.isVisible() && c.getUserData() != null && !c.isEmpty())
                .sorted(Comparator.comparingInt(c -> c.getIndex()))
                .map(c -> (String) c.getUserData())
                .toList());
    }

    /** The timeline row of a study, as on screen. */
    static ListCell<?> studyRow(FxRobot robot, String studyUid) {
        return Fx.call(() -> robot.lookup(".study-row").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && studyUid.equals(c.getUserData()))
                .findFirst().orElseThrow(() -> new AssertionError("no row on screen for " + studyUid)));
    }

    /** Texts of the labels with a style class inside a node. */
    static List<String> labelTexts(Node root, String styleClass) {
        return Fx.call(() -> root.lookupAll("." + styleClass).stream()
                .filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText())
                .toList());
    }

    /** The source status row of a source id, or null. */
    static Node sourceRow(FxRobot robot, String sourceId) {
        return Fx.call(() -> robot.lookup(".source-row").queryAll().stream()
                .filter(n -> sourceId.equals(n.getUserData()))
                .findFirst().orElse(null));
    }

    /** Pixels of the viewport's image that are not black, counted on a grid. */
    static int litPixels(WritableImage image) {
        if (image == null) {
            return 0;
        }
        return Fx.call(() -> {
            var reader = image.getPixelReader();
            int lit = 0;
            for (int y = 0; y < image.getHeight(); y += 4) {
                for (int x = 0; x < image.getWidth(); x += 4) {
                    if ((reader.getArgb(x, y) & 0xFFFFFF) != 0) {
                        lit++;
                    }
                }
            }
            return lit;
        });
    }

    @Override
    public void close() {
        Fx.run(workspace::close);
        service.close();
        background.close();
    }
}
