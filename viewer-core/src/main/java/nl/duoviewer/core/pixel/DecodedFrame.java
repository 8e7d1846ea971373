package nl.duoviewer.core.pixel;

import java.util.Objects;

/**
 * One decoded frame of one instance, with what the viewer needs to place it in its series and label it.
 *
 * @param studyInstanceUid  the study it belongs to; the viewer drops frames of any other study
 * @param seriesInstanceUid its series
 * @param seriesNumber      Series Number, 0 when absent
 * @param seriesDescription Series Description, empty when absent
 * @param modality          Modality of the series, e.g. CT
 * @param instanceNumber    Instance Number, used to order the stack
 * @param frameNumber       1-based frame within a multi-frame instance (1 for single-frame)
 * @param expectedInSeries  how many frames the series will have when complete; 0 when not yet known
 * @param pixels            the pixels
 * @param window            the window the source recommends; null to derive one from the pixels
 * @param header            the object's header as the reading tools need it (spacing, windows, the dataset), shared
 *                          by its frames
 * @param geometry          where the slice lies in the patient, null when the object does not say (projection
 *                          images, multi-frame objects)
 */
public record DecodedFrame(String studyInstanceUid, String seriesInstanceUid, int seriesNumber,
                           String seriesDescription, String modality, int instanceNumber, int frameNumber,
                           int expectedInSeries, FramePixels pixels, WindowLevel window, InstanceHeader header,
                           SliceGeometry geometry) {

    /** A frame with a header that does not say where it lies in the patient. */
    public DecodedFrame(String studyInstanceUid, String seriesInstanceUid, int seriesNumber, String seriesDescription,
                        String modality, int instanceNumber, int frameNumber, int expectedInSeries,
                        FramePixels pixels, WindowLevel window, InstanceHeader header) {
        this(studyInstanceUid, seriesInstanceUid, seriesNumber, seriesDescription, modality, instanceNumber,
                frameNumber, expectedInSeries, pixels, window, header, null);
    }

    /** A frame without a header, placed in the patient. */
    public DecodedFrame(String studyInstanceUid, String seriesInstanceUid, int seriesNumber, String seriesDescription,
                        String modality, int instanceNumber, int frameNumber, int expectedInSeries,
                        FramePixels pixels, WindowLevel window, SliceGeometry geometry) {
        this(studyInstanceUid, seriesInstanceUid, seriesNumber, seriesDescription, modality, instanceNumber,
                frameNumber, expectedInSeries, pixels, window, InstanceHeader.NONE, geometry);
    }

    /** A frame without a header (generated frames, tests): no spacing, no source windows, no position. */
    public DecodedFrame(String studyInstanceUid, String seriesInstanceUid, int seriesNumber, String seriesDescription,
                        String modality, int instanceNumber, int frameNumber, int expectedInSeries,
                        FramePixels pixels, WindowLevel window) {
        this(studyInstanceUid, seriesInstanceUid, seriesNumber, seriesDescription, modality, instanceNumber,
                frameNumber, expectedInSeries, pixels, window, InstanceHeader.NONE, null);
    }

    public DecodedFrame {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        seriesDescription = seriesDescription == null ? "" : seriesDescription;
        modality = modality == null ? "" : modality;
        Objects.requireNonNull(pixels, "pixels");
        expectedInSeries = Math.max(0, expectedInSeries);
        header = header == null ? InstanceHeader.NONE : header;
    }

    /** The window to start with: the source's, else the full range of the pixels. */
    public WindowLevel initialWindow() {
        if (window != null) {
            return window;
        }
        return pixels instanceof GrayscalePixels g ? g.fullRange() : new WindowLevel(127.5, 256);
    }
}
