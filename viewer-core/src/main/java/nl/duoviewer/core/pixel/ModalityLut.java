package nl.duoviewer.core.pixel;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;

/** Stored values to modality values (e.g. Hounsfield units): PS3.3 C.11.1. */
public sealed interface ModalityLut {

    /** Identity: slope 1, intercept 0. */
    ModalityLut IDENTITY = new Rescale(1, 0);

    double apply(int stored);

    /** Output = slope x stored + intercept (Rescale Slope / Intercept). */
    record Rescale(double slope, double intercept) implements ModalityLut {
        public Rescale {
            if (!Double.isFinite(slope) || !Double.isFinite(intercept) || slope == 0) {
                throw new IllegalArgumentException("Rescale slope must be finite and non-zero, intercept finite");
            }
        }

        @Override
        public double apply(int stored) {
            return slope * stored + intercept;
        }
    }

    /** Modality LUT Sequence item. */
    record Table(LookupTable lut) implements ModalityLut {
        @Override
        public double apply(int stored) {
            return lut.lookup(stored);
        }
    }

    /**
     * The dataset's modality transformation: Modality LUT Sequence when present, else Rescale Slope/Intercept
     * (identity when absent).
     */
    static ModalityLut from(DicomObject ds) {
        DicomObject item = ds.getItem(Tag.ModalityLUTSequence);
        if (item != null && item.contains(Tag.LUTDescriptor)) {
            return new Table(LookupTable.of(item.getInts(Tag.LUTDescriptor), item.getBytes(Tag.LUTData),
                    ds.getInt(Tag.PixelRepresentation, 0) == 1));
        }
        double slope = ds.getDouble(Tag.RescaleSlope, 1);
        double intercept = ds.getDouble(Tag.RescaleIntercept, 0);
        return slope == 1 && intercept == 0 ? IDENTITY : new Rescale(slope == 0 ? 1 : slope, intercept);
    }
}
