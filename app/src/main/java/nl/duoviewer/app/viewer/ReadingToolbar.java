package nl.duoviewer.app.viewer;

import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

import nl.duoviewer.app.i18n.Texts;

/**
 * The reading controls of the viewer's toolbar: layout (1x1, 1x2, 2x2), compare with prior, and the two
 * synchronisation toggles; and their keys, which {@link #keyPressed} handles before the viewport's own keys:
 * Ctrl+1 / Ctrl+2 / Ctrl+4 layouts, C compare, S sync scrolling, W sync window and zoom, Tab next viewport,
 * Shift+Up/Down scroll the active viewport alone (its offset), [ and ] previous and next series.
 */
final class ReadingToolbar extends HBox {

    private final ViewerLayoutViewModel layout;
    private final ToggleGroup layouts = new ToggleGroup();
    private final ToggleButton compare;

    ReadingToolbar(ViewerLayoutViewModel layout, Texts texts) {
        this.layout = Objects.requireNonNull(layout);
        getStyleClass().add("reading-toolbar");
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        for (ViewerLayout l : ViewerLayout.values()) {
            ToggleButton b = new ToggleButton(l.rows() + "\u00d7" + l.columns());
            b.setToggleGroup(layouts);
            b.setUserData(l);
            b.getStyleClass().addAll("layout-button", "layout-" + l.rows() + "x" + l.columns());
            b.setTooltip(new Tooltip(texts.get("reading.layout.tooltip", l.rows() + "\u00d7" + l.columns(),
                    "Ctrl+" + l.viewports())));
            b.setOnAction(e -> {
                layout.setLayout(l);
                b.setSelected(true); // a layout button is never off: one layout is always shown
            });
            getChildren().add(b);
        }
        layout.layoutProperty().addListener(o -> selectLayout());
        selectLayout();

        compare = new ToggleButton(texts.get("reading.compare"));
        compare.getStyleClass().add("compare-button");
        compare.setTooltip(new Tooltip(texts.get("reading.compare.tooltip")));
        compare.setOnAction(e -> {
            layout.requestComparison();
            compare.setSelected(layout.comparingProperty().get());
        });
        compare.disableProperty().bind(layout.studyProperty().isNull());
        layout.comparingProperty().addListener((o, was, now) -> compare.setSelected(now));

        ToggleButton syncScroll = new ToggleButton(texts.get("reading.sync.scroll"));
        syncScroll.getStyleClass().add("sync-scroll-button");
        syncScroll.setTooltip(new Tooltip(texts.get("reading.sync.scroll.tooltip")));
        syncScroll.selectedProperty().bindBidirectional(layout.sync().scrollingProperty());
        ToggleButton syncView = new ToggleButton(texts.get("reading.sync.view"));
        syncView.getStyleClass().add("sync-view-button");
        syncView.setTooltip(new Tooltip(texts.get("reading.sync.view.tooltip")));
        syncView.selectedProperty().bindBidirectional(layout.sync().viewProperty());
        getChildren().addAll(compare, syncScroll, syncView);
    }

    private void selectLayout() {
        ViewerLayout now = layout.layoutProperty().get();
        layouts.getToggles().forEach(t -> t.setSelected(t.getUserData() == now));
    }

    /** The reading keys; consumed when handled. */
    void keyPressed(KeyEvent e) {
        if (e.isShortcutDown() && !e.isAltDown()) {
            ViewerLayout next = switch (e.getCode()) {
                case DIGIT1, NUMPAD1 -> ViewerLayout.ONE_BY_ONE;
                case DIGIT2, NUMPAD2 -> ViewerLayout.ONE_BY_TWO;
                case DIGIT4, NUMPAD4 -> ViewerLayout.TWO_BY_TWO;
                default -> null;
            };
            if (next != null) {
                layout.setLayout(next);
                e.consume();
            }
            return;
        }
        if (e.isAltDown() || e.isShortcutDown()) {
            return;
        }
        if (e.isShiftDown()) {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                layout.sync().scrollAlone(e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            }
            return;
        }
        switch (e.getCode()) {
            case C -> layout.requestComparison();
            case S -> layout.sync().scrollingProperty().set(!layout.sync().scrollingProperty().get());
            case W -> layout.sync().viewProperty().set(!layout.sync().viewProperty().get());
            case TAB -> layout.activateNext();
            case OPEN_BRACKET -> layout.stepSeries(-1);
            case CLOSE_BRACKET -> layout.stepSeries(1);
            default -> {
                return;
            }
        }
        e.consume();
    }
}
