package nl.duoviewer.app.viewer;

import java.nio.IntBuffer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import nl.duoviewer.core.pixel.FramePixels;
import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Shows one frame, fitted to the available space, at the zoom and pan it is given. The image is a
 * {@link WritableImage} over a {@link PixelBuffer} of the frame's visible size on screen, which the
 * {@link FrameRenderer} resamples the frame into: a new slice, a window change, a zoom or a pan re-renders in place
 * without copying, and JavaFX paints the buffer 1:1.
 *
 * <p>A control without state of its own: mouse and wheel gestures go to an {@link Input} (the viewport's view model
 * decides what they do). Right-drag: window/level; left- or middle-drag: pan; Ctrl+wheel: zoom; wheel: scroll;
 * double-click: reset zoom and pan.
 */
public final class ImageViewport extends Region {

    /** What the user did with the mouse on the image. */
    public interface Input {
        /** A right-button drag by (dx, dy) screen pixels. */
        void windowDrag(double dx, double dy);

        /** A left- or middle-button drag by (dx, dy) screen pixels. */
        void pan(double dx, double dy);

        /** Ctrl+wheel: magnify by this factor. */
        void zoom(double factor);

        /** The wheel: move this many frames (positive: next). */
        void scroll(int frames);

        /** A double click. */
        void resetZoomAndPan();
    }

    private static final Input NONE = new Input() {
        @Override
        public void windowDrag(double dx, double dy) {
        }

        @Override
        public void pan(double dx, double dy) {
        }

        @Override
        public void zoom(double factor) {
        }

        @Override
        public void scroll(int frames) {
        }

        @Override
        public void resetZoomAndPan() {
        }
    };

    private final ImageView view = new ImageView();
    private final FrameRenderer renderer = new FrameRenderer();
    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyObjectWrapper<Rectangle2D> frameBounds = new ReadOnlyObjectWrapper<>(this, "frameBounds");
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels;
    private FramePixels frame;
    private WindowLevel window;
    private FrameRenderer.Look look = FrameRenderer.Look.PLAIN;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private Input input = NONE;

    public ImageViewport() {
        getStyleClass().add("image-viewport");
        view.setPreserveRatio(false);
        view.setSmooth(false); // painted 1:1: the renderer has resampled already
        view.setManaged(false);
        getChildren().add(view);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                input.resetZoomAndPan();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            if (e.isControlDown()) {
                input.zoom(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            } else {
                input.scroll(e.getDeltaY() > 0 ? -1 : 1); // wheel towards the user (negative delta): next image
            }
            e.consume();
        });
        widthProperty().addListener(o -> render());
        heightProperty().addListener(o -> render());
    }

    /** Where the user's gestures go. */
    public void setInput(Input handler) {
        this.input = handler == null ? NONE : handler;
    }

    /** Shows the frame with the window, rendered at once at its size on screen into the reused pixel buffer. */
    public void show(FramePixels next, WindowLevel nextWindow) {
        show(next, nextWindow, FrameRenderer.Look.PLAIN);
    }

    /** Shows the frame with the window, or the source's VOI LUT table, turned and inverted as the look says. */
    void show(FramePixels next, WindowLevel nextWindow, FrameRenderer.Look nextLook) {
        frame = next;
        window = nextWindow;
        look = nextLook == null ? FrameRenderer.Look.PLAIN : nextLook;
        render();
    }

    /** Removes the image (e.g. on a patient switch) and forgets the pixel buffer. */
    public void clear() {
        frame = null;
        window = null;
        view.setImage(null);
        image.set(null);
        frameBounds.set(null);
        buffer = null;
        pixels = null;
    }

    /** What is on screen: the visible part of the frame at its size on screen, null when empty. */
    public ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /**
     * Where the whole frame lies within this control, turned as it is shown (its coordinates; it may reach outside),
     * null when none.
     */
    public ReadOnlyObjectProperty<Rectangle2D> frameBoundsProperty() {
        return frameBounds.getReadOnlyProperty();
    }

    /** Places the image: magnification relative to "fit" (1) and a shift in screen pixels. */
    public void setView(double zoomFactor, double shiftX, double shiftY) {
        if (zoomFactor != zoom || shiftX != panX || shiftY != panY) {
            zoom = zoomFactor;
            panX = shiftX;
            panY = shiftY;
            render();
        }
    }

    /**
     * Renders the visible part of the frame, fitted, zoomed and panned, at its size in device pixels, into a buffer of
     * exactly that size, placed where it shows. Without a size yet (before the first layout) it waits for one.
     */
    private void render() {
        if (frame == null) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        var stage = getScene() == null ? null : getScene().getWindow();
        double outX = stage == null ? 1 : stage.getOutputScaleX();
        double outY = stage == null ? 1 : stage.getOutputScaleY();
        double vw = w * outX;
        double vh = h * outY;
        int dw = look.orientation().displayedWidth(frame.width(), frame.height());
        int dh = look.orientation().displayedHeight(frame.width(), frame.height());
        double scale = Math.min(vw / dw, vh / dh) * zoom;
        double pw = dw * scale;
        double ph = dh * scale;
        double x = (vw - pw) / 2 + panX * outX;
        double y = (vh - ph) / 2 + panY * outY;
        frameBounds.set(new Rectangle2D(x / outX, y / outY, pw / outX, ph / outY));
        int left = (int) Math.max(0, Math.floor(x));
        int top = (int) Math.max(0, Math.floor(y));
        int right = (int) Math.min(Math.round(vw), Math.ceil(x + pw));
        int bottom = (int) Math.min(Math.round(vh), Math.ceil(y + ph));
        if (right <= left || bottom <= top) {
            view.setVisible(false); // panned out of sight
            return;
        }
        int bw = right - left;
        int bh = bottom - top;
        if (buffer == null || buffer.getWidth() != bw || buffer.getHeight() != bh) {
            pixels = new int[bw * bh];
            buffer = new PixelBuffer<>(bw, bh, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            WritableImage img = new WritableImage(buffer);
            view.setImage(img);
            image.set(img);
        }
        renderer.render(frame, window, look, new FrameRenderer.Placement(x - left, y - top, pw, ph), pixels, bw, bh);
        buffer.updateBuffer(b -> null); // null: the whole buffer changed
        view.setVisible(true);
        view.setFitWidth(bw / outX);
        view.setFitHeight(bh / outY);
        view.relocate(left / outX, top / outY);
    }

    private void pressed(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
        requestFocus();
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - dragX;
        double dy = e.getY() - dragY;
        dragX = e.getX();
        dragY = e.getY();
        if (e.getButton() == MouseButton.SECONDARY || e.isSecondaryButtonDown()) {
            input.windowDrag(dx, dy);
        } else if (e.getButton() == MouseButton.PRIMARY || e.isPrimaryButtonDown()
                || e.getButton() == MouseButton.MIDDLE) {
            input.pan(dx, dy);
        }
        e.consume();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 512;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 512;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 64;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 64;
    }
}
