package nl.duoviewer.bench.inputs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.Uids;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Turns a real single-frame native image into a multi-frame one by repeating its frame. A decoder keeps nothing from
 * one frame to the next, so N copies cost N real decodes; what it buys is a peer-tool run long enough that its
 * process start-up and the machine's timing noise no longer swamp the decoding (a single 512 x 512 frame decodes in
 * a few milliseconds, less than a tool's start-up varies under load).
 */
public final class RepeatedFrames {
    static final int MAX_FRAMES = 1000;

    private RepeatedFrames() {
    }

    /** Writes {@code frames} copies of the first frame of a native {@code source} as Explicit VR LE. */
    public static void write(Path source, Path out, int frames) throws IOException {
        if (frames < 1 || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("frames must be 1.." + MAX_FRAMES + ", got " + frames);
        }
        DicomFile file = DicomReader.read(source);
        DicomFrameSource src = DicomFrameSource.of(file);
        ImageDescriptor d = src.descriptor();
        if (!PixelSyntax.of(d.transferSyntaxUid()).map(PixelSyntax::isNative).orElse(false)
                || d.bitsAllocated() % 8 != 0) {
            throw new IllegalArgumentException("source must be native with whole-byte samples: " + source);
        }
        ByteBuffer frame = src.frame(0);
        int frameBytes = frame.remaining();
        byte[] pixels = new byte[Math.multiplyExact(frameBytes, frames)];
        for (int i = 0; i < frames; i++) {
            frame.duplicate().get(pixels, i * frameBytes, frameBytes);
        }
        DicomObject ds = file.dataset();
        ds.remove(Tag.PixelData);
        ds.setBytes(Tag.PixelData, d.bitsAllocated() == 8 ? VR.OB : VR.OW, pixels);
        ds.setInt(Tag.NumberOfFrames, VR.IS, frames);
        ds.setString(Tag.SOPClassUID, VR.UI, d.bitsAllocated() == 8 ? VolumeInputs.MF_GREY_BYTE_SC
                : VolumeInputs.MF_GREY_WORD_SC);
        ds.setString(Tag.SOPInstanceUID, VR.UI, Uids.fromName("bench:repeated:" + source.getFileName() + ":" + frames));
        DicomWriter.write(ds, PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), out);
    }
}
