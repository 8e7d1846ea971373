package nl.duoviewer.core.pixel;

import java.util.Locale;

/** VOI LUT Function (0028,1056) with the window formulas of PS3.3 C.11.2.1.2 and C.11.2.1.3. */
public enum VoiFunction {
    /** C.11.2.1.2.1: the default; width must be at least 1. */
    LINEAR {
        @Override
        public double apply(double x, double c, double w, double yMin, double yMax) {
            double ww = Math.max(1, w);
            if (x <= c - 0.5 - (ww - 1) / 2) {
                return yMin;
            }
            if (x > c - 0.5 + (ww - 1) / 2) {
                return yMax;
            }
            if (ww == 1) {
                return yMax;
            }
            return ((x - (c - 0.5)) / (ww - 1) + 0.5) * (yMax - yMin) + yMin;
        }
    },
    /** C.11.2.1.3.2: width must be greater than 0. */
    LINEAR_EXACT {
        @Override
        public double apply(double x, double c, double w, double yMin, double yMax) {
            if (x <= c - w / 2) {
                return yMin;
            }
            if (x > c + w / 2) {
                return yMax;
            }
            return ((x - c) / w + 0.5) * (yMax - yMin) + yMin;
        }
    },
    /** C.11.2.1.3.1: width must be greater than 0. */
    SIGMOID {
        @Override
        public double apply(double x, double c, double w, double yMin, double yMax) {
            return (yMax - yMin) / (1 + Math.exp(-4 * (x - c) / w)) + yMin;
        }
    };

    /** Output for input x, window centre c and width w, output range yMin..yMax. */
    public abstract double apply(double x, double c, double w, double yMin, double yMax);

    /** The attribute value (LINEAR when absent or unknown). */
    public static VoiFunction parse(String value) {
        if (value == null || value.isBlank()) {
            return LINEAR;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "LINEAR_EXACT" -> LINEAR_EXACT;
            case "SIGMOID" -> SIGMOID;
            default -> LINEAR;
        };
    }
}
