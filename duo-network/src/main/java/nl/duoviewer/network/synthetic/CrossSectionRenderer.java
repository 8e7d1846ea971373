package nl.duoviewer.network.synthetic;

/**
 * Renders axial CT and MR slices of a {@link BodyPhantom}: the phantom's tissue map, a partial-volume blur, then
 * CT numbers (12-bit, intercept -1024) with quantum noise, or MR signal for a T1 or T2 weighting with a coil bias
 * field and Rician-like noise.
 */
public final class CrossSectionRenderer {

    /** MR contrast weighting. */
    public enum Weighting { T1, T2 }

    // (HU, signal) pairs: where each tissue of the phantom lands on a T1 and on a T2 weighted image
    private static final double[][] T1 = {{-1000, 5}, {-860, 25}, {-300, 60}, {-100, 1050}, {-80, 1000},
        {-50, 600}, {0, 180}, {10, 200}, {28, 760}, {38, 560}, {45, 520}, {60, 600}, {110, 650}, {170, 720},
        {210, 760}, {230, 770}, {320, 400}, {520, 200}, {750, 20}, {1250, 15}, {1600, 10}};
    private static final double[][] T2 = {{-1000, 5}, {-860, 20}, {-300, 60}, {-100, 700}, {-80, 680},
        {-50, 900}, {0, 1500}, {10, 1450}, {28, 500}, {38, 760}, {45, 380}, {60, 420}, {110, 500}, {170, 520},
        {210, 480}, {230, 600}, {320, 900}, {520, 150}, {750, 20}, {1250, 15}, {1600, 10}};

    private CrossSectionRenderer() {
    }

    /** A CT slice at height {@code z}: 512 x 512, stored value = HU + 1024, 12 bits. */
    public static SyntheticImage ct(BodyPhantom phantom, double z, double thicknessMm, long seed) {
        int size = 512;
        double fov = phantom.fieldOfViewMm();
        float[] hu = tissue(phantom, z, size, fov, true);
        Noise noise = new Noise(seed);
        double sigma = phantom.region() == BodyPhantom.Region.HEAD ? 3.2
                : 7 + 10 * (phantom.size() - 0.88) + 6 / Math.max(1, thicknessMm);
        short[] px = new short[size * size];
        for (int i = 0; i < px.length; i++) {
            double v = hu[i] + 1024 + (hu[i] > -950 ? noise.gaussian() * sigma : noise.gaussian() * 3);
            px[i] = (short) Math.max(0, Math.min(4095, Math.round(v)));
        }
        double[][] windows = windowsFor(phantom, z);
        return new SyntheticImage(size, size, px, 12, "MONOCHROME2", -1024, fov / size, windows[0], windows[1],
                firstPixel(fov, size, z), z, thicknessMm);
    }

    /** An MR slice at height {@code z}: 256 x 256 (head) or 320 x 320 (body), 12 bits. */
    public static SyntheticImage mr(BodyPhantom phantom, double z, double thicknessMm, Weighting weighting,
                                    long seed) {
        boolean head = phantom.region() == BodyPhantom.Region.HEAD;
        int size = head ? 256 : 320;
        double fov = head ? 230 : phantom.fieldOfViewMm() * 0.95;
        float[] hu = tissue(phantom, z, size, fov, false);
        double[][] map = weighting == Weighting.T1 ? T1 : T2;
        Noise noise = new Noise(seed);
        long biasSeed = seed * 31 + 7;
        short[] px = new short[size * size];
        double max = 0;
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                int k = j * size + i;
                double signal = lookup(map, hu[k]);
                double bias = 0.85 + 0.3 * Noise.value(biasSeed, i / (double) size * 2.2, j / (double) size * 2.2);
                double re = signal * bias + noise.gaussian() * 14;
                double im = noise.gaussian() * 14;
                double v = Math.sqrt(re * re + im * im);
                px[k] = (short) Math.min(4095, Math.round(v * 2.2));
                max = Math.max(max, px[k]);
            }
        }
        double center = weighting == Weighting.T1 ? 1100 : 1300;
        double width = weighting == Weighting.T1 ? 2000 : 2600;
        return new SyntheticImage(size, size, px, 12, "MONOCHROME2", 0, fov / size, new double[] {center},
                new double[] {width}, firstPixel(fov, size, z), z, thicknessMm);
    }

    static float[] tissue(BodyPhantom phantom, double z, int size, double fov, boolean withTable) {
        SliceGrid grid = new SliceGrid(size, fov);
        phantom.paint(z, grid, withTable);
        return blur(grid.hu, size);
    }

    /** A 3 x 3 box blur: the partial-volume softening that makes edges look scanned, not drawn. */
    static float[] blur(float[] in, int size) {
        float[] out = new float[in.length];
        for (int j = 0; j < size; j++) {
            int j0 = Math.max(0, j - 1);
            int j1 = Math.min(size - 1, j + 1);
            for (int i = 0; i < size; i++) {
                int i0 = Math.max(0, i - 1);
                int i1 = Math.min(size - 1, i + 1);
                float sum = 0;
                for (int y = j0; y <= j1; y++) {
                    for (int x = i0; x <= i1; x++) {
                        sum += in[y * size + x];
                    }
                }
                out[j * size + i] = sum / ((j1 - j0 + 1) * (i1 - i0 + 1));
            }
        }
        return out;
    }

    static double lookup(double[][] map, double hu) {
        if (hu <= map[0][0]) {
            return map[0][1];
        }
        for (int k = 1; k < map.length; k++) {
            if (hu <= map[k][0]) {
                double t = (hu - map[k - 1][0]) / (map[k][0] - map[k - 1][0]);
                return map[k - 1][1] + t * (map[k][1] - map[k - 1][1]);
            }
        }
        return map[map.length - 1][1];
    }

    private static double[] firstPixel(double fov, int size, double z) {
        double half = fov / 2 - fov / size / 2;
        return new double[] {-half, -half, z};
    }

    private static double[][] windowsFor(BodyPhantom phantom, double z) {
        if (phantom.region() == BodyPhantom.Region.HEAD) {
            return new double[][] {{40, 600}, {80, 2800}};
        }
        if (z > 0) {
            return new double[][] {{40, -600, 400}, {400, 1500, 1800}};
        }
        return new double[][] {{50, 400}, {400, 1800}};
    }
}
