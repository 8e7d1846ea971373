package nl.duoviewer.app.testing;

import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Generates CT-like axial slices in Hounsfield units, stored the way CT stores them (unsigned, intercept -1024): air
 * around an elliptic body of soft tissue, two lungs, a vertebra and a sternum that change with the slice position.
 */
public final class Phantom {

    private Phantom() {
    }

    public static GrayscalePixels slice(int size, int index, int count) {
        short[] stored = new short[size * size];
        double t = count <= 1 ? 0.5 : (double) index / (count - 1);
        double c = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - c) / size;
                double dy = (y - c) / size;
                int hu = -1000;
                if (inEllipse(dx, dy, 0.44, 0.34)) {
                    hu = 40;
                    double lungR = 0.10 + 0.06 * Math.sin(Math.PI * t);
                    if (inEllipse(dx + 0.18, dy, lungR, 0.22) || inEllipse(dx - 0.18, dy, lungR, 0.22)) {
                        hu = -820;
                    }
                    if (inEllipse(dx, dy - 0.22, 0.06, 0.06)) {
                        hu = 700;
                    }
                    if (inEllipse(dx, dy + 0.27, 0.05, 0.02)) {
                        hu = 450;
                    }
                    if (inEllipse(dx - 0.03, dy + 0.02, 0.09, 0.08)) {
                        hu = 45 + (int) (20 * t); // heart
                    }
                }
                stored[y * size + x] = (short) (hu + 1024);
            }
        }
        return new GrayscalePixels(size, size, stored, false, 1, -1024, false);
    }

    public static DecodedFrame frame(String studyUid, String seriesUid, int seriesNumber, int instance, int count,
                                     int size) {
        return new DecodedFrame(studyUid, seriesUid, seriesNumber, "Thorax 5 mm", "CT", instance, 1, count,
                slice(size, instance - 1, count), new WindowLevel(40, 400));
    }

    private static boolean inEllipse(double x, double y, double rx, double ry) {
        return (x * x) / (rx * rx) + (y * y) / (ry * ry) <= 1;
    }
}
