package nl.duoviewer.app.viewer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.pixel.InstanceHeader;
import nl.duoviewer.core.pixel.VoiLut;

/**
 * The reading tools' toolbar and keys: measuring tools, cine (play/stop and rate), rotate, flip, invert, the source's
 * windows and VOI LUT tables, the tag browser and export. Binds a {@link ToolsViewModel} and the active viewport's
 * view model; decides nothing. Export asks the user where to write (a file chooser) and takes the picture of the
 * viewport as it is on screen, with its four-corner overlay or, de-identified, the image and measurements alone.
 */
public final class ToolsBar extends FlowPane {

    /** Where an export goes: the user's choice of file, or null when they cancel. */
    @FunctionalInterface
    public interface SaveTarget {
        Path choose(Window owner, String suggestedName);
    }

    private final ToolsViewModel tools;
    private final ViewerLayoutViewModel layout;
    private final Supplier<ViewportView> activeView;
    private final Texts texts;
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final MenuButton sourceWindows;
    private final Label exportStatus = new Label();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tools.tick(now);
        }
    };
    private SaveTarget saveTarget = ToolsBar::chooseFile;
    private Stage tagWindow;

    public ToolsBar(ToolsViewModel tools, ViewerLayoutViewModel layout, Supplier<ViewportView> activeView,
                    Texts texts) {
        this.tools = Objects.requireNonNull(tools);
        this.layout = Objects.requireNonNull(layout);
        this.activeView = Objects.requireNonNull(activeView);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("tools-bar");
        setAlignment(Pos.CENTER_LEFT);

        for (ToolsViewModel.Tool t : ToolsViewModel.Tool.values()) {
            ToggleButton b = new ToggleButton(texts.get("tools." + key(t)));
            b.setId("tool-" + key(t));
            b.setTooltip(new Tooltip(texts.get("tools." + key(t) + ".tip")));
            b.setUserData(t);
            b.setToggleGroup(toolGroup);
            b.setFocusTraversable(false);
            getChildren().add(b);
        }
        toolGroup.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                toolGroup.selectToggle(before); // one tool is always chosen
            } else if (now.getUserData() != tools.tool()) {
                tools.selectTool((ToolsViewModel.Tool) now.getUserData());
            }
        });
        tools.toolProperty().addListener((o, before, now) -> selectToolButton(now));
        selectToolButton(tools.tool());
        Button clear = button("clear", tools::clearFrame);
        clear.setId("tool-clear");

        ToggleButton play = new ToggleButton(texts.get("tools.play"));
        play.setId("tool-play");
        play.setTooltip(new Tooltip(texts.get("tools.play.tip")));
        play.setFocusTraversable(false);
        play.setOnAction(e -> {
            tools.togglePlay();
            play.setSelected(tools.playingProperty().get());
        });
        tools.playingProperty().addListener((o, before, now) -> {
            play.setSelected(now);
            play.setText(texts.get(now ? "tools.stop" : "tools.play"));
            if (now) {
                pulse.start();
            } else {
                pulse.stop();
            }
        });
        Spinner<Integer> fps = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ToolsViewModel.MIN_FPS, ToolsViewModel.MAX_FPS, tools.fpsProperty().get()));
        fps.setId("tool-fps");
        fps.setPrefWidth(70);
        fps.setEditable(false); // arrows and the [ ] keys: no typed text to reject
        fps.setFocusTraversable(false);
        fps.valueProperty().addListener((o, before, now) -> {
            if (now != null) {
                tools.setFps(now);
            }
        });
        tools.fpsProperty().addListener((o, before, now) -> fps.getValueFactory().setValue(now.intValue()));

        Button rotate = button("rotate", () -> active().rotateClockwise());
        Button flipH = button("flipHorizontal", () -> active().flipHorizontal());
        Button flipV = button("flipVertical", () -> active().flipVertical());
        Button invert = button("invert", () -> active().toggleInvert());
        sourceWindows = new MenuButton(texts.get("tools.sourceWindows"));
        sourceWindows.setId("tool-source-windows");
        sourceWindows.setFocusTraversable(false);
        sourceWindows.setOnShowing(e -> fillSourceWindows());
        Button tags = button("tags", this::openTagBrowser);
        MenuButton export = new MenuButton(texts.get("tools.export"));
        export.setId("tool-export");
        export.setFocusTraversable(false);
        MenuItem deIdentified = new MenuItem(texts.get("tools.export.deIdentified"));
        deIdentified.setId("export-de-identified");
        deIdentified.setOnAction(e -> export(true));
        MenuItem withOverlay = new MenuItem(texts.get("tools.export.withOverlay"));
        withOverlay.setId("export-with-overlay");
        withOverlay.setOnAction(e -> export(false));
        export.getItems().addAll(deIdentified, withOverlay);
        exportStatus.getStyleClass().add("export-status");
        tools.exportStatusProperty().addListener((o, before, now) -> exportStatus.setText(switch (now) {
            case ToolsViewModel.ExportStatus.Saved s -> texts.get(s.deIdentified() ? "tools.export.savedDeIdentified"
                    : "tools.export.saved", s.file().getFileName());
            case ToolsViewModel.ExportStatus.Failed f -> texts.get("tools.export.failed", f.file().getFileName());
        }));

        getChildren().addAll(clear, separator(), play, new Label(texts.get("tools.fps")), fps, separator(), rotate,
                flipH, flipV, invert, sourceWindows, separator(), tags, export, exportStatus);

        layout.activeViewportProperty().addListener((o, before, now) -> follow(now));
        follow(layout.activeViewport());
    }

    /** The tools this bar binds. */
    public ToolsViewModel viewModel() {
        return tools;
    }

    /** Replaces the file chooser (tests choose a temporary file; the user's choice is the product's). */
    public void setSaveTarget(SaveTarget target) {
        this.saveTarget = Objects.requireNonNull(target);
    }

    /**
     * The tools' keys, for the viewer's key handler: L length, A angle, B rectangle, E ellipse, Esc back to panning,
     * Delete the last measurement on the image, Space cine, [ and ] slower and faster, T turn, H and V flip, I invert,
     * W the next window of the source, D the tag browser, Ctrl+E export de-identified, Ctrl+Shift+E with the overlay.
     *
     * @return true when the key was the tools'
     */
    public boolean handleKey(KeyEvent e) {
        if (e.isShortcutDown()) {
            if (e.getCode() == KeyCode.E) {
                export(!e.isShiftDown());
                return true;
            }
            return false;
        }
        if (e.isAltDown()) {
            return false;
        }
        ViewportViewModel v = active();
        switch (e.getCode()) {
            case L -> tools.selectTool(ToolsViewModel.Tool.LENGTH);
            case A -> tools.selectTool(ToolsViewModel.Tool.ANGLE);
            case B -> tools.selectTool(ToolsViewModel.Tool.RECTANGLE);
            case E -> tools.selectTool(ToolsViewModel.Tool.ELLIPSE);
            case ESCAPE -> {
                if (tools.draftProperty().get() != null) {
                    tools.cancelDraft();
                } else {
                    tools.selectTool(ToolsViewModel.Tool.PAN);
                }
            }
            case DELETE, BACK_SPACE -> tools.removeLast();
            case SPACE -> tools.togglePlay();
            case MINUS, SUBTRACT -> tools.slower(); // [ and ] step through series (ReadingToolbar)
            case EQUALS, PLUS, ADD -> tools.faster();
            case T -> v.rotateClockwise();
            case H -> v.flipHorizontal();
            case V -> v.flipVertical();
            case I -> v.toggleInvert();
            case O -> nextSourceWindow(v); // W toggles the window/zoom sync (ReadingToolbar)
            case D -> openTagBrowser();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void follow(ViewportViewModel v) {
        sourceWindows.disableProperty().unbind();
        sourceWindows.setDisable(v.sourceVois().isEmpty());
        v.displayedProperty().addListener((o, before, now) -> {
            if (v == active()) {
                sourceWindows.setDisable(v.sourceVois().isEmpty());
            }
        });
    }

    private void fillSourceWindows() {
        ViewportViewModel v = active();
        sourceWindows.getItems().clear();
        List<InstanceHeader.SourceVoi> choices = v.sourceVois();
        for (int i = 0; i < choices.size(); i++) {
            InstanceHeader.SourceVoi c = choices.get(i);
            MenuItem item = new MenuItem(describe(c, i + 1));
            item.getStyleClass().add("source-window-item");
            item.setOnAction(e -> v.useSourceVoi(c));
            sourceWindows.getItems().add(item);
        }
    }

    /** W: the source's windows and tables in turn, starting after the one in use. */
    private static void nextSourceWindow(ViewportViewModel v) {
        List<InstanceHeader.SourceVoi> choices = v.sourceVois();
        if (choices.isEmpty()) {
            return;
        }
        ViewportViewModel.Overlay o = v.overlayProperty().get();
        int at = -1;
        for (int i = 0; i < choices.size(); i++) {
            InstanceHeader.SourceVoi c = choices.get(i);
            boolean inUse = o != null && (c.equals(o.voiTable()) || o.voiTable() == null
                    && c.voi() instanceof VoiLut.Window w && o.window() != null
                    && w.center() == o.window().center() && w.width() == o.window().width());
            if (inUse) {
                at = i;
            }
        }
        v.useSourceVoi(choices.get((at + 1) % choices.size()));
    }

    private String describe(InstanceHeader.SourceVoi c, int number) {
        String name = c.explanation().isBlank() ? "" : " " + c.explanation();
        return switch (c.voi()) {
            case VoiLut.Window w -> texts.get("tools.sourceWindow.window", number, name, Math.round(w.width()),
                    Math.round(w.center()));
            case VoiLut.Table t -> texts.get("tools.sourceWindow.table", number, name);
        };
    }

    private void openTagBrowser() {
        if (tagWindow != null && tagWindow.isShowing()) {
            tagWindow.toFront();
            return;
        }
        Window owner = getScene() == null ? null : getScene().getWindow();
        tagWindow = TagBrowserView.open(tools, texts, owner);
    }

    /** The tag browser window, null when it was never opened (tests). */
    public Stage tagWindow() {
        return tagWindow;
    }

    private void export(boolean deIdentified) {
        if (!tools.canExport()) {
            return;
        }
        ViewportView view = activeView.get();
        // the picture is taken before the chooser opens: what the user saw when they asked is what is written
        Node subject = deIdentified ? view.picture() : view;
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.BLACK);
        WritableImage shot = subject.snapshot(params, null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        Path file = saveTarget.choose(getScene() == null ? null : getScene().getWindow(), tools.suggestedFileName());
        if (file != null) {
            tools.export(w, h, argb, file, deIdentified);
        }
    }

    private static Path chooseFile(Window owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return null;
        }
        Path p = chosen.toPath();
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? p
                : p.resolveSibling(p.getFileName() + ".png");
    }

    private void selectToolButton(ToolsViewModel.Tool t) {
        toolGroup.getToggles().stream().filter(b -> b.getUserData() == t).findFirst()
                .ifPresent(toolGroup::selectToggle);
    }

    private ViewportViewModel active() {
        return layout.activeViewport();
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(texts.get("tools." + key));
        b.setId("tool-" + key);
        b.setTooltip(new Tooltip(texts.get("tools." + key + ".tip")));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static String key(ToolsViewModel.Tool t) {
        return switch (t) {
            case PAN -> "pan";
            case LENGTH -> "length";
            case ANGLE -> "angle";
            case RECTANGLE -> "rectangle";
            case ELLIPSE -> "ellipse";
        };
    }
}
