package nl.duoviewer.core.codec.jpeg2000;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;
import nl.duoviewer.core.testsupport.Corpus;
import nl.duoviewer.core.testsupport.ReferenceTools;
import nl.duoviewer.core.testsupport.TestDicom;

/**
 * HTJ2K (Part 15) codestreams made by OpenJPH's ojph_compress (apt package openjph-tools) from corpus frames decode
 * through OpenCV/OpenJPEG: reversible ones exactly, irreversible ones within the quantisation error and like
 * ojph_expand. Signed HTJ2K is not covered: OpenJPH 0.9's signed codestreams decode to clamped values in
 * OpenJPEG 2.5.0 (opj_decompress too), so no two tools here agree on them.
 */
class HtJ2kDecodeTest {

    @Test
    void reversibleSixteenBitCtDecodesExactly(@TempDir Path work) throws Exception {
        // CT values shifted to unsigned 16-bit (as stored with Pixel Representation 0 and an intercept)
        roundTrip("generated/ct_ele.dcm", true, PixelSyntax.HTJ2K_LOSSLESS.uid(), 0, work);
    }

    @Test
    void reversibleTwelveBitMrDecodesExactly(@TempDir Path work) throws Exception {
        roundTrip("generated/mr12_src_ele.dcm", true, PixelSyntax.HTJ2K_LOSSLESS_RPCL.uid(), 0, work);
    }

    @Test
    void irreversibleMrDecodesCloseToTheSource(@TempDir Path work) throws Exception {
        roundTrip("generated/mr12_src_ele.dcm", false, PixelSyntax.HTJ2K.uid(), 64, work);
    }

    private static void roundTrip(String file, boolean reversible, String ts, int tolerance, Path work)
            throws Exception {
        ReferenceTools.require("ojph_compress");
        TestDicom src = TestDicom.read(Corpus.file(file));
        ImageDescriptor sd = src.descriptor();
        FrameBuffer source = new FrameBuffer();
        FrameDecoders.create(sd).decode(sd, src.frames().getFirst(), 0, source);
        if (sd.signed()) {
            for (int i = 0; i < source.sampleCount(); i++) {
                source.setSample(i, source.sample(i) + (1 << (sd.bitsStored() - 1)));
            }
            sd = new ImageDescriptor(sd.rows(), sd.columns(), 1, sd.bitsAllocated(), sd.bitsStored(), sd.highBit(),
                    false, Photometric.MONOCHROME2, 0, 1, sd.transferSyntaxUid());
            source.reset(sd, Photometric.MONOCHROME2);
        }
        ByteBuffer raw = ByteBuffer.allocate(source.sampleCount() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < source.sampleCount(); i++) {
            raw.putShort((short) source.sample(i));
        }
        Path in = work.resolve("in.raw");
        Path j2c = work.resolve("out.j2c");
        Files.write(in, raw.array());
        ReferenceTools.run("ojph_compress", "-i", in.toString(), "-o", j2c.toString(), "-dims",
                "{" + sd.columns() + "," + sd.rows() + "}", "-num_comps", "1", "-signed", Boolean.toString(sd.signed()),
                "-bit_depth", Integer.toString(sd.bitsStored()), "-downsamp", "{1,1}", "-reversible",
                Boolean.toString(reversible), "-qstep", "0.002");
        byte[] codestream = Files.readAllBytes(j2c);
        assertEquals(0x40, codestream[6] & 0x40, "Rsiz marks an HTJ2K codestream");
        ImageDescriptor hd = new ImageDescriptor(sd.rows(), sd.columns(), 1, sd.bitsAllocated(), sd.bitsStored(),
                sd.highBit(), sd.signed(), Photometric.MONOCHROME2, 0, 1, ts);
        FrameBuffer out = new FrameBuffer();
        FrameDecoders.create(hd).decode(hd, ByteBuffer.wrap(codestream), 0, out);
        long max = 0;
        for (int i = 0; i < source.sampleCount(); i++) {
            max = Math.max(max, Math.abs(source.sample(i) - out.sample(i)));
        }
        for (int i = 0; i < source.sampleCount(); i += 997) {
            assertTrue(source.sample(i) >= 0, "unsigned input");
        }
        assertTrue(max <= tolerance, "max error " + max + " > " + tolerance);
        if (!reversible) {
            assertTrue(max > 0, "irreversible coding should not be exact");
            Path back = work.resolve("back.raw");
            ReferenceTools.run("ojph_expand", "-i", j2c.toString(), "-o", back.toString());
            ByteBuffer ref = ByteBuffer.wrap(Files.readAllBytes(back)).order(ByteOrder.LITTLE_ENDIAN);
            long vsRef = 0;
            for (int i = 0; i < source.sampleCount(); i++) {
                vsRef = Math.max(vsRef, Math.abs((ref.getShort(2 * i) & 0xFFFF) - out.sample(i)));
            }
            assertTrue(vsRef <= 1, "OpenJPEG and OpenJPH disagree by " + vsRef);
        }
    }
}
