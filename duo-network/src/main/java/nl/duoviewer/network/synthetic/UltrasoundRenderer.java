package nl.duoviewer.network.synthetic;

/**
 * Renders an abdominal ultrasound sector: speckle over liver-like parenchyma, an anechoic gallbladder or cyst, the
 * bright diaphragm line, depth attenuation with gain compensation; one frame per breathing phase for cine loops.
 */
public final class UltrasoundRenderer {

    private UltrasoundRenderer() {
    }

    /** 8-bit frames of a sector scan; {@code frame} moves the organs with breathing. */
    public static SyntheticImage frame(long patientSeed, int frame, int frames, long imageSeed) {
        int rows = 600;
        int columns = 800;
        double spacing = 0.25;
        double depthMm = rows * spacing;
        double halfAngle = Math.toRadians(36);
        double apexX = columns * spacing / 2;
        double breathing = 6 * Math.sin(2 * Math.PI * frame / Math.max(1, frames));
        Noise speckle = new Noise(imageSeed * 7919 + frame);
        long texture = patientSeed * 31;
        double cystX = apexX + 10 + (patientSeed % 20);
        double cystY = 70 + breathing;
        short[] px = new short[rows * columns];
        for (int j = 0; j < rows; j++) {
            double y = j * spacing + 8;
            for (int i = 0; i < columns; i++) {
                double x = i * spacing - apexX;
                double angle = Math.atan2(x, y);
                double range = Math.hypot(x, y);
                if (Math.abs(angle) > halfAngle || range > depthMm || range < 8) {
                    continue;
                }
                double echo = 0.55 + 0.25 * Noise.fractal(texture, x / 6, (y - breathing) / 6, 3);
                double dxCyst = (i * spacing - cystX) / 18;
                double dyCyst = (y - cystY) / 30;
                double inCyst = dxCyst * dxCyst + dyCyst * dyCyst;
                if (inCyst < 1) {
                    echo = 0.04;
                } else if (inCyst < 1.15) {
                    echo = 0.9;
                }
                double diaphragm = 118 + breathing + 0.08 * x;
                if (Math.abs(y - diaphragm) < 1.5) {
                    echo = 1.3;
                } else if (y > diaphragm) {
                    echo *= 0.35;
                }
                double gain = Math.exp(-0.004 * range) * (1 + 0.0035 * range);
                double s = -Math.log(1 - speckle.uniform() * 0.999);
                double v = 200 * echo * gain * Math.sqrt(s);
                px[j * columns + i] = (short) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return new SyntheticImage(rows, columns, px, 8, "MONOCHROME2", 0, spacing, new double[] {128},
                new double[] {256}, null, 0, 0);
    }
}
