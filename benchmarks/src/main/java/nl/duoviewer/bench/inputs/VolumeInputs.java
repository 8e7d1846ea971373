package nl.duoviewer.bench.inputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.Uids;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.network.synthetic.BodyPhantom;
import nl.duoviewer.network.synthetic.CrossSectionRenderer;
import nl.duoviewer.network.synthetic.SyntheticImage;
import nl.duoviewer.network.synthetic.SyntheticInstance;

/**
 * Writes the native (Explicit VR Little Endian) sources of the large benchmark inputs: a multi-frame CT volume
 * rendered from the synthetic body phantom, and small flat images with the same pixel description that measure a
 * decoder's process start-up. The peer tools then encode these into every transfer syntax
 * ({@code benchmarks/compare-decoders.sh}).
 */
public final class VolumeInputs {
    /** Multi-frame Grayscale Word Secondary Capture: a standard multi-frame object for 9..16-bit grey frames. */
    static final String MF_GREY_WORD_SC = "1.2.840.10008.5.1.4.1.1.7.3";
    /** Multi-frame Grayscale Byte Secondary Capture. */
    static final String MF_GREY_BYTE_SC = "1.2.840.10008.5.1.4.1.1.7.2";
    /** The phantom patient: fixed, so every build gives the same anatomy. */
    private static final long PATIENT_SEED = 20261123L;
    static final int MAX_FRAMES = 1000;
    static final int MAX_TINY = 64;
    /** Start-up image size: gdcmconv --j2k crashes on frames smaller than 16 x 16. */
    public static final int DEFAULT_TINY = 16;

    private VolumeInputs() {
    }

    /**
     * Writes {@code ct_native.dcm} ({@code frames} axial 512 x 512 slices through the trunk, 12 bits stored in 16,
     * unsigned, intercept -1024), {@code ct_tiny_native.dcm} ({@code tinySize} square, same description) and
     * {@code xa_tiny_native.dcm} ({@code tinySize} square, 8-bit) into {@code dir}.
     */
    public static void write(Path dir, int frames, int tinySize) throws IOException {
        if (frames < 1 || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("frames must be 1.." + MAX_FRAMES + ", got " + frames);
        }
        if (tinySize < 1 || tinySize > MAX_TINY) {
            throw new IllegalArgumentException("start-up image size must be 1.." + MAX_TINY + ", got " + tinySize);
        }
        Files.createDirectories(dir);
        BodyPhantom trunk = BodyPhantom.create(BodyPhantom.Region.TRUNK, PATIENT_SEED, true);
        double z0 = -300;
        double z1 = 300;
        double thickness = Math.max(1, (z1 - z0) / frames);
        SyntheticImage[] slices = new SyntheticImage[frames];
        for (int i = 0; i < frames; i++) {
            double z = frames == 1 ? 0 : z0 + (z1 - z0) * i / (frames - 1);
            slices[i] = CrossSectionRenderer.ct(trunk, z, thickness, PATIENT_SEED * 1000 + i);
        }
        DicomObject ct = SyntheticInstance.create(identity("CT", "ct-volume"), slices);
        ct.setString(Tag.SOPClassUID, VR.UI, MF_GREY_WORD_SC);
        ct.setInt(Tag.NumberOfFrames, VR.IS, frames);
        write(ct, dir.resolve("ct_native.dcm"));

        short[] flat12 = new short[tinySize * tinySize];
        java.util.Arrays.fill(flat12, (short) 1024);
        SyntheticImage tiny = new SyntheticImage(tinySize, tinySize, flat12, 12, "MONOCHROME2", -1024, 1,
                new double[] {40}, new double[] {400}, new double[] {0, 0, 0}, 0, 1);
        DicomObject ctTiny = SyntheticInstance.create(identity("CT", "ct-tiny"), tiny);
        ctTiny.setString(Tag.SOPClassUID, VR.UI, MF_GREY_WORD_SC);
        ctTiny.setInt(Tag.NumberOfFrames, VR.IS, 1);
        write(ctTiny, dir.resolve("ct_tiny_native.dcm"));

        short[] flat8 = new short[tinySize * tinySize];
        java.util.Arrays.fill(flat8, (short) 100);
        SyntheticImage tiny8 = new SyntheticImage(tinySize, tinySize, flat8, 8, "MONOCHROME2", 0, 1,
                new double[] {128}, new double[] {256}, null, 0, 0);
        DicomObject xaTiny = SyntheticInstance.create(identity("CT", "xa-tiny"), tiny8);
        xaTiny.setString(Tag.SOPClassUID, VR.UI, MF_GREY_BYTE_SC);
        xaTiny.setString(Tag.Modality, VR.CS, "XA");
        xaTiny.setInt(Tag.NumberOfFrames, VR.IS, 1);
        write(xaTiny, dir.resolve("xa_tiny_native.dcm"));
    }

    private static void write(DicomObject ds, Path file) throws IOException {
        DicomWriter.write(ds, PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), file);
    }

    private static SyntheticInstance.Identity identity(String modality, String name) {
        String study = Uids.fromName("bench:study");
        return new SyntheticInstance.Identity("Benchmark^Phantom", "BENCH-1", null, LocalDate.of(1970, 1, 1), "O",
                study, LocalDateTime.of(2026, 1, 1, 12, 0), "Decoder benchmark", "BENCH1", "Benchmarks",
                Uids.fromName("bench:series:" + name), 1, name, modality, "CHEST",
                Uids.fromName("bench:instance:" + name), 1);
    }
}
