package nl.duoviewer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.dicom.VR;

class ImageDescriptorTest {
    private static final String TS = "1.2.840.10008.1.2.1";

    private static String refused(int rows, int cols, int spp, int ba, int bs, int hb, Photometric p, int planar,
                                  int frames) {
        return assertThrows(IllegalArgumentException.class,
                () -> new ImageDescriptor(rows, cols, spp, ba, bs, hb, false, p, planar, frames, TS)).getMessage();
    }

    @Test
    void hostileHeadersGiveClearErrors() {
        assertTrue(refused(0, 512, 1, 16, 12, 11, Photometric.MONOCHROME2, 0, 1).contains("Rows"));
        assertTrue(refused(512, 70000, 1, 16, 12, 11, Photometric.MONOCHROME2, 0, 1).contains("Columns"));
        assertTrue(refused(512, 512, 2, 16, 12, 11, Photometric.MONOCHROME2, 0, 1).contains("Samples per Pixel"));
        assertTrue(refused(512, 512, 1, 16, 12, 11, Photometric.RGB, 0, 1).contains("needs 3"));
        assertTrue(refused(512, 512, 1, 12, 12, 11, Photometric.MONOCHROME2, 0, 1).contains("Bits Allocated"));
        assertTrue(refused(512, 512, 1, 16, 17, 16, Photometric.MONOCHROME2, 0, 1).contains("Bits Stored"));
        assertTrue(refused(512, 512, 1, 16, 12, 3, Photometric.MONOCHROME2, 0, 1).contains("High Bit"));
        assertTrue(refused(512, 512, 3, 8, 8, 7, Photometric.RGB, 2, 1).contains("Planar"));
        assertTrue(refused(512, 512, 1, 16, 16, 15, Photometric.MONOCHROME2, 0, 0).contains("Number of Frames"));
        // 65535 x 65535 x 4 x 32 bits would overflow an int: refused by the cap, computed in long
        String cap = refused(65535, 65535, 4, 32, 32, 31, Photometric.ARGB, 0, 1);
        assertTrue(cap.contains("above the cap"), cap);
    }

    @Test
    void sizesAreComputedPerLayout() {
        ImageDescriptor ct = ImageDescriptor.monochrome(512, 512, 16, 12, true, 3, TS);
        assertEquals(512 * 512 * 2, ct.nativeFrameBytes());
        assertEquals(-2048, ct.minStoredValue());
        assertEquals(2047, ct.maxStoredValue());
        ImageDescriptor seg = new ImageDescriptor(3, 3, 1, 1, 1, 0, false, Photometric.MONOCHROME2, 0, 1, TS);
        assertEquals(2, seg.nativeFrameBytes(), "9 bits packed into 2 bytes");
        ImageDescriptor ybr = new ImageDescriptor(100, 100, 3, 8, 8, 7, false, Photometric.YBR_FULL_422, 0, 1, TS);
        assertEquals(20000, ybr.nativeFrameBytes(), "two samples per pixel for 4:2:2");
    }

    @Test
    void fromDatasetAppliesDefaultsAndNamesMissingAttributes() {
        DicomObject ds = new DicomObject();
        ds.setInt(Tag.Rows, VR.US, 64);
        ds.setInt(Tag.Columns, VR.US, 32);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        ImageDescriptor d = ImageDescriptor.from(ds, TransferSyntax.of(TS));
        assertEquals(16, d.bitsStored());
        assertEquals(15, d.highBit());
        assertTrue(d.signed());
        assertEquals(Photometric.MONOCHROME2, d.photometric());
        assertEquals(1, d.numberOfFrames());
        ds.remove(Tag.Columns);
        String msg = assertThrows(IllegalArgumentException.class,
                () -> ImageDescriptor.from(ds, TransferSyntax.of(TS))).getMessage();
        assertTrue(msg.contains("Columns (0028,0011) is missing"), msg);
    }

    @Test
    void photometricParsesDatasetSpelling() {
        assertEquals(Photometric.PALETTE_COLOR, Photometric.parse("PALETTE COLOR "));
        assertEquals("PALETTE COLOR", Photometric.PALETTE_COLOR.dicomName());
        assertThrows(IllegalArgumentException.class, () -> Photometric.parse("YBR_WRONG"));
    }
}
