package nl.duoviewer.core.pixel;

import java.util.List;
import java.util.Objects;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.Photometric;

/**
 * How a greyscale frame becomes display values: modality LUT, then VOI (window or table), then presentation LUT
 * (PS3.4 N.2 greyscale pipeline). Immutable; the viewer makes a new one when the user changes the window.
 *
 * @param modality     stored -> modality values
 * @param voi          modality -> 0..1; null = take {@link AutoWindow} from the frame at render time
 * @param presentation IDENTITY or INVERSE
 */
public record RenderSettings(ModalityLut modality, VoiLut voi, PresentationLut presentation) {

    public RenderSettings {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(presentation, "presentation");
    }

    /** Settings from a dataset: its modality LUT, its first VOI (or auto), its presentation shape. */
    public static RenderSettings from(DicomObject ds, Photometric photometric) {
        List<VoiLut> vois = VoiLut.from(ds);
        return new RenderSettings(ModalityLut.from(ds), vois.isEmpty() ? null : vois.getFirst(),
                PresentationLut.forImage(photometric, ds.getString(Tag.PresentationLUTShape)));
    }

    public RenderSettings withVoi(VoiLut newVoi) {
        return new RenderSettings(modality, newVoi, presentation);
    }

    public RenderSettings withWindow(double center, double width) {
        VoiFunction f = voi instanceof VoiLut.Window w ? w.function() : VoiFunction.LINEAR;
        return withVoi(new VoiLut.Window(center, width, f));
    }

    public RenderSettings inverted() {
        return new RenderSettings(modality, voi, presentation.inverted());
    }

    /** The VOI to use for a frame: the configured one, or the frame's auto window. */
    public VoiLut voiFor(FrameBuffer frame) {
        return voi != null ? voi : AutoWindow.of(frame, modality);
    }
}
