package nl.duoviewer.core.pixel;

import java.util.List;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;

/** Modality values to display values in 0..1: a window (centre/width with a VOI function) or a VOI LUT table. */
public sealed interface VoiLut {

    /** Display value in 0..1 for a modality value. */
    double apply(double modalityValue);

    /** Window Center / Width (0028,1050 / 1051) with VOI LUT Function (0028,1056). */
    record Window(double center, double width, VoiFunction function) implements VoiLut {
        public Window {
            if (!Double.isFinite(center) || !Double.isFinite(width) || width <= 0
                    || (function == VoiFunction.LINEAR && width < 1)) {
                throw new IllegalArgumentException("window width must be > 0 (>= 1 for LINEAR), got " + width);
            }
        }

        @Override
        public double apply(double x) {
            return function.apply(x, center, width, 0, 1);
        }
    }

    /** A VOI LUT Sequence item: output scaled by the table's bit depth. */
    record Table(LookupTable lut) implements VoiLut {
        @Override
        public double apply(double x) {
            return lut.lookup((int) Math.floor(x)) / (double) lut.maxOutput();
        }
    }

    /**
     * The dataset's VOI transformations in order: each Window Center/Width pair, then each VOI LUT Sequence item.
     * Empty when the dataset has none (use {@link AutoWindow}). Unusable values (width 0) are skipped.
     */
    static List<VoiLut> from(DicomObject ds) {
        java.util.ArrayList<VoiLut> out = new java.util.ArrayList<>();
        double[] c = ds.getDoubles(Tag.WindowCenter);
        double[] w = ds.getDoubles(Tag.WindowWidth);
        VoiFunction f = VoiFunction.parse(ds.getString(Tag.VOILUTFunction));
        for (int i = 0; i < Math.min(c.length, w.length); i++) {
            try {
                out.add(new Window(c[i], w[i], f));
            } catch (IllegalArgumentException e) {
                // a zero or negative width in a dataset is ignored rather than failing the display
            }
        }
        boolean signedInput = ds.getInt(Tag.PixelRepresentation, 0) == 1
                && !ds.contains(Tag.RescaleSlope) && !ds.contains(Tag.ModalityLUTSequence);
        for (DicomObject item : ds.getSequence(Tag.VOILUTSequence)) {
            if (item.contains(Tag.LUTDescriptor) && item.getBytes(Tag.LUTData) != null) {
                out.add(new Table(LookupTable.of(item.getInts(Tag.LUTDescriptor), item.getBytes(Tag.LUTData),
                        signedInput)));
            }
        }
        return out;
    }
}
