package nl.duoviewer.app.viewer;

import java.nio.IntBuffer;
import java.util.function.BiConsumer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
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
 * Shows one frame, fitted to the available space, with zoom and pan. The image is a {@link WritableImage} over a
 * {@link PixelBuffer} the renderer writes straight into, so a window change re-renders in place without copying.
 *
 * <p>Mouse: right-drag reports window/level deltas to {@link #setOnWindowDrag}; left-drag pans; Ctrl+wheel zooms;
 * double-click resets zoom and pan. The plain wheel is left to the owner (the study viewer scrolls frames with it).
 */
public final class ImageViewport extends Region {

    private final ImageView view = new ImageView();
    private final FrameRenderer renderer = new FrameRenderer();
    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private BiConsumer<Double, Double> onWindowDrag = (dx, dy) -> { };

    public ImageViewport() {
        getStyleClass().add("image-viewport");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        getChildren().add(view);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        zoom.addListener((o, a, b) -> requestLayout());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetView();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() && e.getDeltaY() != 0) {
                setZoom(zoom.get() * (e.getDeltaY() > 0 ? 1.15 : 1 / 1.15));
                e.consume();
            }
        });
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
        resetView();
    }

    /** The image on screen, null when empty. */
    public ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Magnification relative to "fit to window" (1). */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void setZoom(double value) {
        zoom.set(Math.max(0.25, Math.min(16, value)));
    }

    public void resetView() {
        panX = 0;
        panY = 0;
        zoom.set(1);
        requestLayout();
    }

    /** Called with (horizontal, vertical) pixel deltas of a right-button drag. */
    public void setOnWindowDrag(BiConsumer<Double, Double> handler) {
        this.onWindowDrag = handler == null ? (dx, dy) -> { } : handler;
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
            onWindowDrag.accept(dx, dy);
        } else if (e.getButton() == MouseButton.PRIMARY || e.isPrimaryButtonDown()
                || e.getButton() == MouseButton.MIDDLE) {
            panX += dx;
            panY += dy;
            requestLayout();
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
        double scale = Math.min(w / img.getWidth(), h / img.getHeight()) * zoom.get();
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
