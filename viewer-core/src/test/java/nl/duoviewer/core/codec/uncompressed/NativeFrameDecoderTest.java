package nl.duoviewer.core.codec.uncompressed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.PixelSyntax;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;
import nl.duoviewer.core.image.SampleKind;

/** PS3.5 8.1.1 bit layouts and planar configuration with values worked out by hand. */
class NativeFrameDecoderTest {
    private static final String LE = PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private static ByteBuffer shorts(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.flip();
    }

    @Test
    void highBitBelowTheTopShiftsMasksAndSignExtends() throws Exception {
        // Bits Stored 12, High Bit 13: value in bits 2..13; bits 0-1 and 14-15 hold overlay garbage
        ImageDescriptor d = new ImageDescriptor(1, 3, 1, 16, 12, 13, true, Photometric.MONOCHROME2, 0, 1, LE);
        int minus1 = (0xFFF << 2) | 0b11 | 0xC000; // -1 with garbage around it
        int plus2047 = (0x7FF << 2) | 0b01;
        int minus2048 = (0x800 << 2) | 0x4000;
        FrameBuffer out = new FrameBuffer();
        new NativeFrameDecoder().decode(d, shorts(minus1, plus2047, minus2048), 0, out);
        assertEquals(SampleKind.S16, out.kind());
        assertEquals(-1, out.sample(0));
        assertEquals(2047, out.sample(1));
        assertEquals(-2048, out.sample(2));
    }

    @Test
    void unsignedValuesLoseOverlayBits() throws Exception {
        ImageDescriptor d = ImageDescriptor.monochrome(1, 2, 16, 12, false, 1, LE);
        FrameBuffer out = new FrameBuffer();
        new NativeFrameDecoder().decode(d, shorts(0xF123, 0x0FFF), 0, out);
        assertEquals(0x123, out.sample(0));
        assertEquals(0xFFF, out.sample(1));
    }

    @Test
    void planarSixteenBitColourIsInterleaved() throws Exception {
        ImageDescriptor d = new ImageDescriptor(1, 2, 3, 16, 16, 15, false, Photometric.RGB, 1, 1, LE);
        FrameBuffer out = new FrameBuffer();
        // R plane, G plane, B plane
        new NativeFrameDecoder().decode(d, shorts(100, 101, 200, 201, 60000, 60001), 0, out);
        int[] expected = {100, 200, 60000, 101, 201, 60001};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], out.sample(i), "sample " + i);
        }
    }

    @Test
    void oneBitPixelsUnpackLeastSignificantBitFirst() throws Exception {
        ImageDescriptor d = new ImageDescriptor(3, 3, 1, 1, 1, 0, false, Photometric.MONOCHROME2, 0, 1, LE);
        FrameBuffer out = new FrameBuffer();
        new NativeFrameDecoder().decode(d, ByteBuffer.wrap(new byte[] {(byte) 0b1010_0101, 0b1}), 0, out);
        int[] expected = {1, 0, 1, 0, 0, 1, 0, 1, 1};
        for (int i = 0; i < 9; i++) {
            assertEquals(expected[i], out.sample(i), "pixel " + i);
        }
    }

    @Test
    void ybrFull422SharesChromaBetweenPixelPairs() throws Exception {
        ImageDescriptor d = new ImageDescriptor(1, 4, 3, 8, 8, 7, false, Photometric.YBR_FULL_422, 0, 1, LE);
        FrameBuffer out = new FrameBuffer();
        new NativeFrameDecoder().decode(d, ByteBuffer.wrap(new byte[] {10, 20, 30, 40, 50, 60, 70, 80}), 0, out);
        assertEquals(Photometric.YBR_FULL, out.photometric());
        int[] expected = {10, 30, 40, 20, 30, 40, 50, 70, 80, 60, 70, 80};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], out.sample(i), "sample " + i);
        }
    }

    @Test
    void shortFramesAreReportedWithSizes() {
        ImageDescriptor d = ImageDescriptor.monochrome(4, 4, 16, 16, false, 1, LE);
        FrameDecodeException e = assertThrows(FrameDecodeException.class,
                () -> new NativeFrameDecoder().decode(d, shorts(1, 2, 3), 2, new FrameBuffer()));
        assertTrue(e.getMessage().contains("frame 3"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 32 bytes, only 6 present"), e.getMessage());
        assertEquals(2, e.frameIndex());
    }
}
