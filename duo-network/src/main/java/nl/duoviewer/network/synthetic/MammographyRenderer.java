package nl.duoviewer.network.synthetic;

import java.util.SplittableRandom;

/**
 * Renders a processed ("for presentation") mammogram: the compressed breast outline against the chest wall, a skin
 * line, fibroglandular tissue from fractal noise stretched along the ducts toward the nipple, the pectoral muscle in
 * oblique views, and a few calcifications. Breast composition and shape follow the patient's seed.
 */
public final class MammographyRenderer {

    /** The standard screening views. */
    public enum View { CC, MLO }

    private MammographyRenderer() {
    }

    /**
     * @param left      true for the left breast: the chest wall is then on the image's right
     * @param patientSeed stable per patient, so both sides and all years share a breast composition
     */
    public static SyntheticImage render(View view, boolean left, long patientSeed, long imageSeed) {
        int rows = 2294;
        int columns = 1914;
        double spacing = 0.1;
        SplittableRandom rnd = new SplittableRandom(patientSeed ^ (left ? 0x5A5A : 0xA5A5));
        double depth = 95 + rnd.nextDouble() * 60;
        double halfHeight = 80 + rnd.nextDouble() * 30;
        double density = 0.25 + new SplittableRandom(patientSeed).nextDouble() * 0.6;
        long textureSeed = patientSeed * 1_000_003L + (left ? 1 : 2);
        double centreY = rows * spacing / 2 + (view == View.MLO ? -12 : 0);
        Noise noise = new Noise(imageSeed);
        short[] px = new short[rows * columns];
        double[][] calcs = new double[rnd.nextInt(6)][];
        for (int k = 0; k < calcs.length; k++) {
            calcs[k] = new double[] {10 + rnd.nextDouble() * depth * 0.7, centreY + (rnd.nextDouble() - 0.5)
                    * halfHeight, 0.15 + rnd.nextDouble() * 0.25};
        }
        for (int j = 0; j < rows; j++) {
            double y = j * spacing;
            for (int i = 0; i < columns; i++) {
                int col = left ? columns - 1 - i : i;
                double x = col * spacing; // distance from the chest wall
                double dy = (y - centreY) / halfHeight;
                double dx = x / depth;
                double r = Math.sqrt(dx * dx + dy * dy);
                double v;
                if (r > 1) {
                    v = 0;
                } else {
                    double thickness = Math.sqrt(1 - r * r);
                    double radial = Math.atan2(y - centreY, x + 20);
                    double patches = Noise.fractal(textureSeed, x / 22, y / 22, 5);
                    double ducts = Noise.fractal(textureSeed + 5, x / 30 + radial * 2, radial * 9, 3);
                    double fine = Noise.fractal(textureSeed + 17, x / 2.5, y / 2.5, 3);
                    double glandular = Math.max(0, Math.min(1, density * (1.25 - r) + 0.6 * patches
                            + 0.15 * ducts + 0.12 * fine - 0.15));
                    double skin = r > 0.985 ? 0.5 : 0;
                    v = 700 + 1500 * thickness * (0.35 + glandular) + 900 * skin;
                    if (view == View.MLO && x < 45 - (y - 0) * 0.25 && y < 170) {
                        v += 900; // pectoral muscle, a triangle in the upper chest-wall corner
                    }
                    for (double[] c : calcs) {
                        double d = Math.hypot(x - c[0], y - c[1]);
                        if (d < c[2]) {
                            v += 1400;
                        }
                    }
                    v += noise.gaussian() * 25;
                }
                px[j * columns + i] = (short) Math.max(0, Math.min(4095, Math.round(v)));
            }
        }
        return new SyntheticImage(rows, columns, px, 12, "MONOCHROME2", 0, spacing, new double[] {2300},
                new double[] {3000}, null, 0, 0);
    }
}
