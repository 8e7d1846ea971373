package nl.duoviewer.app.viewer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javax.imageio.ImageIO;

/**
 * Writes a picture of the screen as PNG with the JDK's own encoder: pixels only, no text chunks (so nothing of the
 * patient travels in metadata).
 */
final class PngFile {

    private PngFile() {
    }

    /**
     * Opaque ARGB pixels, row by row, of a picture of the screen.
     */
    record Picture(int width, int height, int[] argb) {
        Picture {
            Objects.requireNonNull(argb, "argb");
            if (width <= 0 || height <= 0 || (long) width * height != argb.length) {
                throw new IllegalArgumentException("picture of " + width + "x" + height + " with " + argb.length
                        + " pixels");
            }
        }
    }

    static void write(Picture picture, Path file) throws IOException {
        BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this runtime");
            }
        }
    }
}
