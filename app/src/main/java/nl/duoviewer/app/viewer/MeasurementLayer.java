package nl.duoviewer.app.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.measure.ImagePoint;
import nl.duoviewer.core.measure.Shape;
import nl.duoviewer.core.pixel.DecodedFrame;

/**
 * The measurements of the frame on screen, drawn over the image of one viewport where the image lies (so they follow
 * zoom, pan, rotation and flips), with what each reads; and the mouse for the measuring tools, taken before the image
 * would pan. Binds a {@link ToolsViewModel}; decides nothing.
 */
public final class MeasurementLayer extends Pane {

    /** A drag shorter than this (screen pixels) is a click. */
    private static final double CLICK_SLOP = 3;

    private final ViewportViewModel viewport;
    private final ToolsViewModel tools;
    private final ImageViewport image;
    private final Texts texts;
    private double pressX;
    private double pressY;
    private boolean pressed;

    public MeasurementLayer(ViewportViewModel viewport, ToolsViewModel tools, ImageViewport image, Texts texts) {
        this.viewport = Objects.requireNonNull(viewport);
        this.tools = Objects.requireNonNull(tools);
        this.image = Objects.requireNonNull(image);
        this.texts = Objects.requireNonNull(texts);
        getStyleClass().add("measurement-layer");
        setMouseTransparent(true); // the image below keeps its gestures; the tools take theirs in a filter
        setPickOnBounds(false);
        InvalidationListener redraw = o -> redraw();
        viewport.displayedProperty().addListener(redraw);
        image.frameBoundsProperty().addListener(redraw);
        tools.revisionProperty().addListener(redraw);
        tools.draftProperty().addListener(redraw);
        widthProperty().addListener(redraw);
        heightProperty().addListener(redraw);
        redraw();
    }

    /**
     * Takes the primary button's gestures on {@code target} (the viewport, which holds the image) while a measuring
     * tool is chosen, before the image would use them to pan.
     */
    public void takeMouseFrom(Node target) {
        target.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (measuring(e)) {
                pressed = true;
                pressX = e.getSceneX();
                pressY = e.getSceneY();
                image.requestFocus();
                at(e, p -> tools.press(p));
                e.consume();
            }
        });
        target.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pressed && measuring(e)) {
                at(e, p -> tools.move(p));
                e.consume();
            }
        });
        target.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (pressed && measuring(e)) {
                pressed = false;
                boolean dragged = Math.hypot(e.getSceneX() - pressX, e.getSceneY() - pressY) > CLICK_SLOP;
                at(e, p -> tools.release(p, dragged));
                e.consume();
            }
        });
        target.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (measuring(e)) {
                e.consume(); // clicks place points: a double click must not reset the view
            }
        });
        target.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (tools.tool() != ToolsViewModel.Tool.PAN && tools.actsOn(viewport)) {
                at(e, p -> tools.move(p));
            }
        });
    }

    private boolean measuring(MouseEvent e) {
        return e.getButton() == MouseButton.PRIMARY && tools.tool() != ToolsViewModel.Tool.PAN
                && tools.actsOn(viewport);
    }

    private void at(MouseEvent e, java.util.function.Consumer<ImagePoint> use) {
        ScreenMapping m = mapping();
        if (m != null) {
            Point2D local = image.sceneToLocal(e.getSceneX(), e.getSceneY());
            use.accept(m.toImage(local.getX(), local.getY()));
        }
    }

    /** Image to the image control's coordinates; null when no frame is shown. */
    private ScreenMapping mapping() {
        ViewportViewModel.Displayed d = viewport.displayedProperty().get();
        Rectangle2D b = image.frameBoundsProperty().get();
        if (d == null || b == null) {
            return null;
        }
        return new ScreenMapping(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), d.frame().pixels().width(),
                d.frame().pixels().height(), d.orientation());
    }

    private void redraw() {
        List<Node> nodes = new ArrayList<>();
        ScreenMapping m = mapping();
        ViewportViewModel.Displayed d = viewport.displayedProperty().get();
        if (m != null) {
            DecodedFrame frame = d.frame();
            for (ToolsViewModel.Placed p : tools.measurementsOn(frame)) {
                draw(m, p.shape(), MeasurementText.of(texts, p.result()), false, nodes);
            }
            ToolsViewModel.Draft draft = tools.draftProperty().get();
            if (draft != null && tools.actsOn(viewport) && frame == viewport.currentFrame()) {
                if (draft.preview() != null) {
                    draw(m, draft.preview().shape(), MeasurementText.of(texts, draft.preview().result()), true, nodes);
                } else {
                    nodes.add(polyline(m, draft.points(), true));
                }
            }
        }
        getChildren().setAll(nodes);
    }

    private void draw(ScreenMapping m, Shape shape, String text, boolean draft, List<Node> out) {
        Node figure = switch (shape) {
            case Shape.Line l -> polyline(m, l.points(), draft);
            case Shape.Angle a -> polyline(m, a.points(), draft);
            case Shape.Rectangle r -> {
                double[] a = m.toScreen(r.corner());
                double[] b = m.toScreen(r.opposite());
                Rectangle rect = new Rectangle(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]),
                        Math.abs(a[1] - b[1]));
                yield styled(rect, draft);
            }
            case Shape.Ellipse el -> {
                double[] a = m.toScreen(el.corner());
                double[] b = m.toScreen(el.opposite());
                Ellipse e = new Ellipse((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, Math.abs(a[0] - b[0]) / 2,
                        Math.abs(a[1] - b[1]) / 2);
                yield styled(e, draft);
            }
        };
        figure.getProperties().put(Shape.class, shape);
        out.add(figure);
        List<ImagePoint> points = shape.points();
        double[] anchor = m.toScreen(points.getLast());
        Label label = new Label(text);
        label.getStyleClass().add("measurement-label");
        label.relocate(anchor[0] + 6, anchor[1] + 6); // the pane sizes it to its text, leaves it where it is put
        out.add(label);
    }

    /** The layer takes the viewport's size; its drawings never ask for more. */
    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    private Node polyline(ScreenMapping m, List<ImagePoint> points, boolean draft) {
        Polyline line = new Polyline();
        for (ImagePoint p : points) {
            double[] s = m.toScreen(p);
            line.getPoints().addAll(s[0], s[1]);
        }
        return styled(line, draft);
    }

    private static javafx.scene.shape.Shape styled(javafx.scene.shape.Shape s, boolean draft) {
        s.getStyleClass().addAll("measurement", draft ? "measurement-draft" : "measurement-placed");
        s.setManaged(false);
        return s;
    }
}
