package nl.duoviewer.network.synthetic;

/** Fast, deterministic noise: a SplitMix64 stream per image so the same instance always renders the same. */
final class Noise {

    private long state;

    Noise(long seed) {
        this.state = seed;
    }

    long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** Approximately standard normal (sum of four uniforms, scaled): cheap and smooth enough for image noise. */
    double gaussian() {
        return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508;
    }

    /** Smooth value noise at (x, y) with unit cell size, from a hash of the lattice corners. */
    static double value(long seed, double x, double y) {
        long xi = (long) Math.floor(x);
        long yi = (long) Math.floor(y);
        double fx = x - xi;
        double fy = y - yi;
        double sx = fx * fx * (3 - 2 * fx);
        double sy = fy * fy * (3 - 2 * fy);
        double a = lattice(seed, xi, yi);
        double b = lattice(seed, xi + 1, yi);
        double c = lattice(seed, xi, yi + 1);
        double d = lattice(seed, xi + 1, yi + 1);
        return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
    }

    /** Fractal (octave-summed) value noise in about [-1, 1]. */
    static double fractal(long seed, double x, double y, int octaves) {
        double sum = 0;
        double amplitude = 1;
        double norm = 0;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * (value(seed + o * 1013, x, y) * 2 - 1);
            norm += amplitude;
            amplitude *= 0.5;
            x *= 2;
            y *= 2;
        }
        return sum / norm;
    }

    private static double lattice(long seed, long x, long y) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
