package nl.duoviewer.core.pixel;

/** The decoded pixels of one frame, ready for display. */
public sealed interface FramePixels permits GrayscalePixels, ColorPixels {

    int width();

    int height();
}
