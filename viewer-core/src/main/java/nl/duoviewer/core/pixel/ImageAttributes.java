package nl.duoviewer.core.pixel;

import java.util.Objects;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * What one image object says about its frames beyond the samples: where it sits in the study, how stored values map
 * to modality values, the window the source recommends, and how to show it.
 *
 * @param descriptor        the Image Pixel module, which bounds what the decoders may produce
 * @param studyInstanceUid  Study Instance UID
 * @param seriesInstanceUid Series Instance UID
 * @param seriesNumber      Series Number, 0 when absent
 * @param seriesDescription Series Description, empty when absent
 * @param modality          Modality, empty when absent
 * @param instanceNumber    Instance Number (the arrival position when absent)
 * @param modalityLut       the modality transformation: Modality LUT Sequence, else Rescale Slope/Intercept
 * @param window            the first Window Center/Width pair, or null
 * @param voiFunction       VOI LUT Function of the windows (LINEAR when absent)
 * @param inverted          shown inverted: MONOCHROME1, or Presentation LUT Shape INVERSE
 * @param palette           the colour tables of a PALETTE COLOR image, else null
 * @param expectedInSeries  frames the series will hold when complete, 0 when unknown
 * @param header            what the reading tools need of the object (spacing, source windows, the dataset)
 * @param geometry          where a single-frame object's slice lies in the patient, null when unknown
 */
public record ImageAttributes(ImageDescriptor descriptor, String studyInstanceUid, String seriesInstanceUid,
                              int seriesNumber, String seriesDescription, String modality, int instanceNumber,
                              ModalityLut modalityLut, WindowLevel window, VoiFunction voiFunction,
                              boolean inverted, PaletteColorLut palette, int expectedInSeries,
                              InstanceHeader header, SliceGeometry geometry) {

    /** Attributes with a header, of an object that does not say where it lies in the patient. */
    public ImageAttributes(ImageDescriptor descriptor, String studyInstanceUid, String seriesInstanceUid,
                           int seriesNumber, String seriesDescription, String modality, int instanceNumber,
                           ModalityLut modalityLut, WindowLevel window, VoiFunction voiFunction, boolean inverted,
                           PaletteColorLut palette, int expectedInSeries, InstanceHeader header) {
        this(descriptor, studyInstanceUid, seriesInstanceUid, seriesNumber, seriesDescription, modality,
                instanceNumber, modalityLut, window, voiFunction, inverted, palette, expectedInSeries, header, null);
    }

    /** Attributes without a header, placed in the patient. */
    public ImageAttributes(ImageDescriptor descriptor, String studyInstanceUid, String seriesInstanceUid,
                           int seriesNumber, String seriesDescription, String modality, int instanceNumber,
                           ModalityLut modalityLut, WindowLevel window, VoiFunction voiFunction, boolean inverted,
                           PaletteColorLut palette, int expectedInSeries, SliceGeometry geometry) {
        this(descriptor, studyInstanceUid, seriesInstanceUid, seriesNumber, seriesDescription, modality,
                instanceNumber, modalityLut, window, voiFunction, inverted, palette, expectedInSeries,
                InstanceHeader.NONE, geometry);
    }

    /** Attributes without a header (tests, generated objects) that do not say where they lie in the patient. */
    public ImageAttributes(ImageDescriptor descriptor, String studyInstanceUid, String seriesInstanceUid,
                           int seriesNumber, String seriesDescription, String modality, int instanceNumber,
                           ModalityLut modalityLut, WindowLevel window, VoiFunction voiFunction, boolean inverted,
                           PaletteColorLut palette, int expectedInSeries) {
        this(descriptor, studyInstanceUid, seriesInstanceUid, seriesNumber, seriesDescription, modality,
                instanceNumber, modalityLut, window, voiFunction, inverted, palette, expectedInSeries,
                InstanceHeader.NONE, null);
    }

    public ImageAttributes {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(modalityLut, "modalityLut");
        Objects.requireNonNull(voiFunction, "voiFunction");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        header = header == null ? InstanceHeader.NONE : header;
    }

    /**
     * Reads the attributes of an image object's header. The dataset is kept (in {@link #header()}) for the tag
     * browser: hand over a header without pixel data, as {@code DicomStream} gives it.
     *
     * @param arrival          1-based arrival position, the instance number when the object has none
     * @param instancesInSeries how many instances the manifest lists for the series, 0 when unknown
     * @throws IllegalArgumentException naming the attribute when the Image Pixel module is unusable
     */
    public static ImageAttributes of(DicomObject ds, TransferSyntax ts, int arrival, int instancesInSeries) {
        ImageDescriptor d = ImageDescriptor.from(ds, ts);
        double slope = ds.getDouble(Tag.RescaleSlope, 1);
        double intercept = ds.getDouble(Tag.RescaleIntercept, 0);
        if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("Rescale Slope/Intercept " + slope + "/" + intercept
                    + " cannot be used");
        }
        ModalityLut modalityLut = ModalityLut.from(ds);
        double[] centers = ds.getDoubles(Tag.WindowCenter);
        double[] widths = ds.getDoubles(Tag.WindowWidth);
        WindowLevel window = centers.length > 0 && widths.length > 0 && Double.isFinite(centers[0])
                && Double.isFinite(widths[0]) && widths[0] >= 1 ? new WindowLevel(centers[0], widths[0]) : null;
        boolean inverted = d.photometric().isMonochrome() && PresentationLut.forImage(d.photometric(),
                ds.getString(Tag.PresentationLUTShape)) == PresentationLut.INVERSE;
        PaletteColorLut palette = d.photometric() == Photometric.PALETTE_COLOR ? PaletteColorLut.from(ds) : null;
        int expected = instancesInSeries > 0 ? instancesInSeries * d.numberOfFrames() : 0;
        return new ImageAttributes(d, ds.getString(Tag.StudyInstanceUID, ""), ds.getString(Tag.SeriesInstanceUID, ""),
                ds.getInt(Tag.SeriesNumber, 0), ds.getString(Tag.SeriesDescription, ""),
                ds.getString(Tag.Modality, ""), ds.getInt(Tag.InstanceNumber, arrival), modalityLut, window,
                VoiFunction.parse(ds.getString(Tag.VOILUTFunction)), inverted, palette, expected,
                InstanceHeader.of(ds), SliceGeometry.of(ds, d.numberOfFrames()));
    }

    /** The frame to hand to the viewer; colour frames carry no window. */
    public DecodedFrame frame(int frameNumber, FramePixels pixels) {
        return new DecodedFrame(studyInstanceUid, seriesInstanceUid, seriesNumber, seriesDescription, modality,
                instanceNumber, frameNumber, expectedInSeries, pixels, pixels instanceof ColorPixels ? null : window,
                header, geometry);
    }
}
