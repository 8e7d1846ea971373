package nl.duoviewer.bench.inputs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Fragments;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Makes HTJ2K (JPEG 2000 Part 15) inputs: neither dcmtk 3.6.7 nor gdcm 3.0.21 writes HTJ2K, so each frame of a
 * native object is compressed by OpenJPH's {@code ojph_compress} (Debian package openjph-tools) and the codestreams
 * are wrapped as encapsulated Pixel Data, one fragment per frame.
 */
public final class HtJ2kInputs {
    private static final long TOOL_TIMEOUT_SECONDS = 120;
    /** OpenJPH's quantisation step for irreversible coding (smaller = closer to the source). */
    static final String LOSSY_QSTEP = "0.002";

    private HtJ2kInputs() {
    }

    /**
     * Compresses every frame of a native, unsigned, single-sample object.
     *
     * @param reversible true: 5/3 wavelet, TS 1.2.840.10008.1.2.4.201; false: 9/7, TS .203
     */
    public static void encode(Path nativeFile, Path out, boolean reversible)
            throws IOException, FrameDecodeException {
        DicomFile file = DicomReader.read(nativeFile);
        DicomFrameSource source = DicomFrameSource.of(file);
        ImageDescriptor d = source.descriptor();
        if (d.samplesPerPixel() != 1 || d.signed()) {
            throw new IllegalArgumentException("HTJ2K inputs are made from unsigned grey images only: " + nativeFile);
        }
        FrameDecoder decoder = FrameDecoders.create(d);
        FrameBuffer samples = new FrameBuffer();
        Path work = Files.createTempDirectory(out.getParent(), "htj2k");
        List<byte[]> codestreams = new ArrayList<>(source.frameCount());
        try {
            Path raw = work.resolve("frame.raw");
            Path j2c = work.resolve("frame.j2c");
            for (int i = 0; i < source.frameCount(); i++) {
                decoder.decode(d, source.frame(i), i, samples);
                Files.write(raw, rawSamples(samples, d.bitsAllocated()));
                run(List.of("ojph_compress", "-i", raw.toString(), "-o", j2c.toString(),
                        "-dims", "{" + d.columns() + "," + d.rows() + "}", "-num_comps", "1", "-signed", "false",
                        "-bit_depth", Integer.toString(d.bitsStored()), "-downsamp", "{1,1}",
                        "-reversible", Boolean.toString(reversible), "-qstep", LOSSY_QSTEP));
                byte[] cs = Files.readAllBytes(j2c);
                // fragments have even length; a byte after EOC is ignored by every J2K decoder
                codestreams.add((cs.length & 1) == 0 ? cs : Arrays.copyOf(cs, cs.length + 1));
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
        DicomObject ds = file.dataset();
        ds.remove(Tag.PixelData);
        ds.setFragments(Tag.PixelData, VR.OB, Fragments.ofFrames(codestreams));
        if (!reversible) {
            ds.setString(Tag.LossyImageCompression, VR.CS, "01");
            ds.setString(Tag.LossyImageCompressionMethod, VR.CS, "ISO_15444_15");
        }
        String ts = reversible ? PixelSyntax.HTJ2K_LOSSLESS.uid() : PixelSyntax.HTJ2K.uid();
        DicomWriter.write(ds, ts, out);
    }

    private static byte[] rawSamples(FrameBuffer f, int bitsAllocated) {
        int n = f.sampleCount();
        if (bitsAllocated == 8) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) f.sample(i);
            }
            return b;
        }
        ByteBuffer bb = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            bb.putShort((short) f.sample(i));
        }
        return bb.array();
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish in " + TOOL_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(command.getFirst() + " failed (exit " + p.exitValue() + "): "
                        + new String(output).strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
    }
}
