package nl.duoviewer.network.synthetic;

/**
 * Renders a frontal chest radiograph (CR or DX) by integrating the phantom's attenuation along the beam: a
 * 256 x 256 line-integral map, upsampled to detector resolution, with edge enhancement and detector noise.
 */
public final class ProjectionRenderer {

    private static final double MU_WATER_PER_MM = 0.021;

    private ProjectionRenderer() {
    }

    /**
     * @param monochrome1 true for CR-style MONOCHROME1 storage (high attenuation stored low), false for DX
     */
    public static SyntheticImage chest(BodyPhantom phantom, int rows, int columns, boolean monochrome1, long seed) {
        return project(phantom, 300, 430, false, rows, columns, monochrome1, seed);
    }

    /**
     * A radiograph of the phantom between {@code zTop} and {@code zTop - heightMm}; frontal (beam along y) or
     * lateral (beam along x).
     */
    public static SyntheticImage project(BodyPhantom phantom, double zTop, double heightMm, boolean lateral,
                                         int rows, int columns, boolean monochrome1, long seed) {
        int base = 256;
        double width = Math.min(heightMm * columns / rows, phantom.fieldOfViewMm() * 1.1);
        double height = heightMm;
        double[] line = new double[base * base];
        SliceGrid grid = new SliceGrid(base, width);
        for (int r = 0; r < base; r++) {
            double z = zTop - (r + 0.5) * height / base;
            phantom.paint(z, grid, false);
            for (int i = 0; i < base; i++) {
                double sum = 0;
                for (int j = 0; j < base; j++) {
                    double hu = lateral ? grid.hu[i * base + j] : grid.hu[j * base + i];
                    sum += Math.max(0, 1 + hu / 1000.0);
                }
                line[r * base + i] = sum * grid.pixelMm * MU_WATER_PER_MM;
            }
        }
        Noise noise = new Noise(seed);
        short[] px = new short[rows * columns];
        double[] up = new double[rows * columns];
        for (int y = 0; y < rows; y++) {
            double fy = (y + 0.5) * base / rows - 0.5;
            for (int x = 0; x < columns; x++) {
                double fx = (x + 0.5) * base / columns - 0.5;
                up[y * columns + x] = bilinear(line, base, fx, fy);
            }
        }
        // unsharp mask: radiographs are processed for edge contrast
        int radius = Math.max(2, columns / 128);
        double[] smooth = boxBlur(up, columns, rows, radius);
        for (int k = 0; k < px.length; k++) {
            double p = up[k] + 0.8 * (up[k] - smooth[k]);
            double v = 4095 * (1 - Math.exp(-p / 4.5)) + noise.gaussian() * 14;
            v = Math.max(0, Math.min(4095, v));
            px[k] = (short) Math.round(monochrome1 ? 4095 - v : v);
        }
        double[] window = percentileWindow(px, monochrome1);
        return new SyntheticImage(rows, columns, px, 12, monochrome1 ? "MONOCHROME1" : "MONOCHROME2", 0,
                width / columns, new double[] {window[0]}, new double[] {window[1]}, null, 0, 0);
    }

    /** A window from the 1st to the 99.5th percentile of the stored values: what a modality's auto-window does. */
    static double[] percentileWindow(short[] px, boolean inverted) {
        int[] histogram = new int[4096];
        for (short p : px) {
            histogram[p & 0xFFF]++;
        }
        int lo = percentile(histogram, px.length * 0.01);
        int hi = percentile(histogram, px.length * 0.995);
        double width = Math.max(256, hi - lo);
        return new double[] {(lo + hi) / 2.0, width};
    }

    private static int percentile(int[] histogram, double rank) {
        long seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen >= rank) {
                return v;
            }
        }
        return histogram.length - 1;
    }

    static double bilinear(double[] img, int n, double x, double y) {
        x = Math.max(0, Math.min(n - 1.001, x));
        y = Math.max(0, Math.min(n - 1.001, y));
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        double a = img[y0 * n + x0];
        double b = img[y0 * n + x0 + 1];
        double c = img[(y0 + 1) * n + x0];
        double d = img[(y0 + 1) * n + x0 + 1];
        return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
    }

    static double[] boxBlur(double[] in, int w, int h, int r) {
        double[] tmp = new double[in.length];
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            double sum = 0;
            for (int x = -r; x <= r; x++) {
                sum += in[y * w + Math.max(0, Math.min(w - 1, x))];
            }
            for (int x = 0; x < w; x++) {
                tmp[y * w + x] = sum / (2 * r + 1);
                sum += in[y * w + Math.min(w - 1, x + r + 1)] - in[y * w + Math.max(0, x - r)];
            }
        }
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int y = -r; y <= r; y++) {
                sum += tmp[Math.max(0, Math.min(h - 1, y)) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = sum / (2 * r + 1);
                sum += tmp[Math.min(h - 1, y + r + 1) * w + x] - tmp[Math.max(0, y - r) * w + x];
            }
        }
        return out;
    }
}
