package nl.duoviewer.app.imaging;

/** The decoded pixels of one frame, ready for display. */
public sealed interface FramePixels permits GrayscalePixels, ColorPixels {

    int width();

    int height();
}
