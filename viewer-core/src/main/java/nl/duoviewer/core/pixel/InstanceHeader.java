package nl.duoviewer.core.pixel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.image.PixelSpacing;

/**
 * What the reading tools need of an image object beyond its pixels, shared by all its frames: which instance it is
 * (export, audit), how large a pixel is (measurements), the unit of its modality values (ROI statistics), the windows
 * and VOI LUT tables the source offers, its frame rate (cine), and the header as parsed (the tag browser). Held in
 * memory with the frame, released with the study.
 *
 * @param sopInstanceUid  SOP Instance UID, empty when absent
 * @param spacing         the pixel spacing and what it means
 * @param modalityUnit    unit of the modality values: "HU" for CT, else Rescale Type when it names one; empty when
 *                        unknown
 * @param sourceVois      every Window Center/Width pair and every VOI LUT Sequence item, in the dataset's order
 * @param framesPerSecond the rate the source recommends for cine (Recommended Display Frame Rate, Cine Rate or
 *                        Frame Time), 0 when it names none
 * @param dataset         the header as parsed, without pixel data; an empty dataset when not kept
 */
public record InstanceHeader(String sopInstanceUid, PixelSpacing spacing, String modalityUnit,
                             List<SourceVoi> sourceVois, double framesPerSecond, DicomObject dataset) {

    /** Recommended Display Frame Rate (0008,2144) and Cine Rate (0018,0040): not in the generated tag constants. */
    static final int RECOMMENDED_DISPLAY_FRAME_RATE = 0x00082144;
    static final int CINE_RATE = 0x00180040;

    /** For frames made without a header (tests, generated frames). */
    public static final InstanceHeader NONE = new InstanceHeader("", PixelSpacing.NONE, "", List.of(), 0,
            new DicomObject(4));

    /**
     * A VOI transformation the source offers, as a choice for the user.
     *
     * @param explanation Window Center &amp; Width Explanation or LUT Explanation, empty when absent
     * @param voi         a {@link VoiLut.Window} or a {@link VoiLut.Table}
     */
    public record SourceVoi(String explanation, VoiLut voi) {
        public SourceVoi {
            explanation = explanation == null ? "" : explanation;
            Objects.requireNonNull(voi, "voi");
        }
    }

    public InstanceHeader {
        sopInstanceUid = sopInstanceUid == null ? "" : sopInstanceUid;
        Objects.requireNonNull(spacing, "spacing");
        modalityUnit = modalityUnit == null ? "" : modalityUnit;
        sourceVois = List.copyOf(sourceVois);
        framesPerSecond = Double.isFinite(framesPerSecond) && framesPerSecond > 0 ? framesPerSecond : 0;
        Objects.requireNonNull(dataset, "dataset");
    }

    /** Reads the header of an image object (the dataset is kept as it is: the caller hands it over). */
    public static InstanceHeader of(DicomObject ds) {
        return new InstanceHeader(ds.getString(Tag.SOPInstanceUID, ""), PixelSpacing.of(ds), modalityUnit(ds),
                sourceVois(ds), framesPerSecond(ds), ds);
    }

    /** The VOI LUT Sequence tables among {@link #sourceVois()}. */
    public List<SourceVoi> voiTables() {
        return sourceVois.stream().filter(v -> v.voi() instanceof VoiLut.Table).toList();
    }

    private static String modalityUnit(DicomObject ds) {
        String type = ds.getString(Tag.RescaleType);
        if (type != null && !type.equalsIgnoreCase("US")) { // US: unspecified
            return type;
        }
        return "CT".equalsIgnoreCase(ds.getString(Tag.Modality)) && !ds.contains(Tag.ModalityLUTSequence) ? "HU" : "";
    }

    /** Windows with their explanations, then VOI LUT tables with theirs; an unusable item is left out. */
    private static List<SourceVoi> sourceVois(DicomObject ds) {
        List<SourceVoi> out = new ArrayList<>();
        String[] explanations = ds.getStrings(Tag.WindowCenterWidthExplanation);
        int window = 0;
        int table = 0;
        List<DicomObject> items = ds.getSequence(Tag.VOILUTSequence);
        List<VoiLut> all;
        try {
            all = VoiLut.from(ds);
        } catch (IllegalArgumentException e) {
            return List.of(); // a malformed table: the source's windows are not offered, the frame still shows
        }
        for (VoiLut voi : all) {
            if (voi instanceof VoiLut.Window) {
                out.add(new SourceVoi(window < explanations.length ? explanations[window] : "", voi));
                window++;
            } else {
                // VoiLut.from keeps the usable items in order; find the item this table came from
                String explanation = "";
                while (table < items.size()) {
                    DicomObject item = items.get(table++);
                    if (item.contains(Tag.LUTDescriptor) && item.getBytes(Tag.LUTData) != null) {
                        explanation = item.getString(Tag.LUTExplanation, "");
                        break;
                    }
                }
                out.add(new SourceVoi(explanation, voi));
            }
        }
        return out;
    }

    private static double framesPerSecond(DicomObject ds) {
        double rate = ds.getDouble(RECOMMENDED_DISPLAY_FRAME_RATE, 0);
        if (!(rate > 0)) {
            rate = ds.getDouble(CINE_RATE, 0);
        }
        if (!(rate > 0)) {
            double frameTime = ds.getDouble(Tag.FrameTime, 0);
            rate = frameTime > 0 ? 1000 / frameTime : 0;
        }
        return rate > 0 && rate <= 1000 ? rate : 0;
    }
}
