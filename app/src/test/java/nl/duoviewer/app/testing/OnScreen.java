package nl.duoviewer.app.testing;

import java.util.BitSet;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;

import org.testfx.api.FxRobot;

import nl.duoviewer.app.timeline.TimelineItem;
import nl.duoviewer.app.viewer.StudyViewerView;

/** Reads what the main window shows, the way a user sees it, for tests that run the whole application. */
public final class OnScreen {

    private final FxRobot robot;

    public OnScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Text of the first label with this style class (or id, with a leading #). */
    public String text(String query) {
        return Fx.call(() -> robot.lookup(query.startsWith("#") ? query : "." + query).queryAs(Label.class)
                .getText());
    }

    /** Texts of all labels with this style class inside the nodes with another style class. */
    public List<String> texts(String parentClass, String labelClass) {
        return Fx.call(() -> robot.lookup("." + parentClass).queryAll().stream()
                .flatMap(n -> n.lookupAll("." + labelClass).stream())
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList());
    }

    /** The image viewer as on screen; its view model is {@code viewer().viewModel()}. */
    public StudyViewerView viewer() {
        return Fx.call(() -> robot.lookup(".study-viewer").queryAs(StudyViewerView.class));
    }

    @SuppressWarnings("unchecked")
    private ListView<TimelineItem> timelineList() {
        return robot.lookup(".timeline-list").queryAs(ListView.class);
    }

    /** How many studies the timeline lists (all of them, also those scrolled out of view). */
    public long studiesListed() {
        return Fx.call(() -> timelineList().getItems().stream().filter(i -> i instanceof TimelineItem.Study)
                .count());
    }

    /** Scrolls the timeline to a study and returns its row as shown. */
    public Node studyRow(String studyUid) {
        Fx.run(() -> {
            ListView<TimelineItem> list = timelineList();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof TimelineItem.Study s
                        && s.entry().studyInstanceUid().equals(studyUid)) {
                    list.scrollTo(Math.max(0, i - 2));
                    return;
                }
            }
            throw new AssertionError("study not listed: " + studyUid);
        });
        Fx.await("row of " + studyUid + " on screen", () -> row(studyUid) != null);
        return Fx.call(() -> row(studyUid));
    }

    private Node row(String studyUid) {
        return robot.lookup(".study-row").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && studyUid.equals(c.getUserData())).findFirst().orElse(null);
    }

    /** Texts of the source chips on a study row. */
    public List<String> sourceChips(Node row) {
        return Fx.call(() -> row.lookupAll(".source-chip").stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList());
    }

    /** Distinct grey levels (of the red channel) on a grid over the image: 1 for a flat picture. */
    public static int distinctLevels(WritableImage image) {
        if (image == null) {
            return 0;
        }
        return Fx.call(() -> {
            var reader = image.getPixelReader();
            BitSet levels = new BitSet(256);
            for (int y = 0; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    levels.set(reader.getArgb(x, y) >> 16 & 0xFF);
                }
            }
            return levels.cardinality();
        });
    }
}
