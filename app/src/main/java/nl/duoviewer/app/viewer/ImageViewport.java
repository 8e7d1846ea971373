package nl.duoviewer.app.viewer;

import java.nio.IntBuffer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
 * Renders one frame, fitted to the available space, at the zoom and pan it is given. The image is a
 * {@link WritableImage} over a {@link PixelBuffer} the renderer writes straight into, so a window change re-renders in
 * place without copying.
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
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private Input input = NONE;

    public ImageViewport() {
        getStyleClass().add("image-viewport");
        view.setPreserveRatio(true);
        view.setSmooth(true);
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
    }

    /** Where the user's gestures go. */
    public void setInput(Input handler) {
        this.input = handler == null ? NONE : handler;
    }

    /** Renders the frame with the window; reuses the pixel buffer when the size is unchanged. */
    public void show(FramePixels frame, WindowLevel window) {
        int w = frame.width();
        int h = frame.height();
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            pixels = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            WritableImage img = new WritableImage(buffer);
            view.setImage(img);
            image.set(img);
            requestLayout();
        }
        renderer.render(frame, window, pixels);
        buffer.updateBuffer(b -> null); // null: the whole buffer changed
    }

    /** Removes the image (e.g. on a patient switch) and forgets the pixel buffer. */
    public void clear() {
        view.setImage(null);
        image.set(null);
        buffer = null;
        pixels = null;
    }

    /** The image on screen, null when empty. */
    public ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Places the image: magnification relative to "fit" (1) and a shift in screen pixels. */
    public void setView(double zoomFactor, double shiftX, double shiftY) {
        if (zoomFactor != zoom || shiftX != panX || shiftY != panY) {
            zoom = zoomFactor;
            panX = shiftX;
            panY = shiftY;
            requestLayout();
        }
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
    protected void layoutChildren() {
        var img = view.getImage();
        if (img == null) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        double scale = Math.min(w / img.getWidth(), h / img.getHeight()) * zoom;
        double fw = img.getWidth() * scale;
        double fh = img.getHeight() * scale;
        view.setFitWidth(fw);
        view.setFitHeight(fh);
        view.resizeRelocate((w - fw) / 2 + panX, (h - fh) / 2 + panY, fw, fh);
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
