package nl.duoviewer.core.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.Photometric;
import nl.duoviewer.core.image.SampleKind;

/** Modality, VOI, presentation and palette tables with values worked out by hand. */
class LutTest {

    private static byte[] words(int... v) {
        byte[] b = new byte[2 * v.length];
        for (int i = 0; i < v.length; i++) {
            b[2 * i] = (byte) v[i];
            b[2 * i + 1] = (byte) (v[i] >> 8);
        }
        return b;
    }

    @Test
    void lookupTableClampsOutsideItsRange() {
        // 4 entries starting at input -2 (descriptor value 65534 read as signed)
        LookupTable t = LookupTable.of(new int[] {4, 65534, 12}, words(100, 200, 300, 400), true);
        assertEquals(-2, t.firstMapped());
        assertEquals(100, t.lookup(-1000));
        assertEquals(100, t.lookup(-2));
        assertEquals(300, t.lookup(0));
        assertEquals(400, t.lookup(1));
        assertEquals(400, t.lookup(5000));
        assertEquals(4095, t.maxOutput());
        LookupTable unsigned = LookupTable.of(new int[] {4, 65534, 12}, words(1, 2, 3, 4), false);
        assertEquals(65534, unsigned.firstMapped());
        assertThrows(IllegalArgumentException.class, () -> LookupTable.of(new int[] {8, 0, 16}, words(1, 2), false));
    }

    @Test
    void modalityLutPrefersTheSequenceOverRescale() {
        DicomObject ds = new DicomObject();
        ds.setDouble(Tag.RescaleSlope, VR.DS, 2);
        ds.setDouble(Tag.RescaleIntercept, VR.DS, -1024);
        assertEquals(2 * 1000 - 1024, ModalityLut.from(ds).apply(1000), 1e-9);
        DicomObject item = ds.newSequence(Tag.ModalityLUTSequence).addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, 3, 10, 16);
        item.setBytes(Tag.LUTData, VR.OW, words(7, 8, 9));
        ModalityLut m = ModalityLut.from(ds);
        assertEquals(7, m.apply(0), 1e-9);
        assertEquals(8, m.apply(11), 1e-9);
        assertEquals(9, m.apply(99), 1e-9);
        assertEquals(ModalityLut.IDENTITY, ModalityLut.from(new DicomObject()));
    }

    @Test
    void voiFromDatasetReadsEveryWindowAndTable() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.WindowCenter, VR.DS, "40", "300");
        ds.setString(Tag.WindowWidth, VR.DS, "400", "1500");
        ds.setString(Tag.VOILUTFunction, VR.CS, "LINEAR_EXACT");
        DicomObject item = ds.newSequence(Tag.VOILUTSequence).addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, 2, 0, 8);
        item.setBytes(Tag.LUTData, VR.OW, words(0, 255));
        var vois = VoiLut.from(ds);
        assertEquals(3, vois.size());
        assertEquals(new VoiLut.Window(300, 1500, VoiFunction.LINEAR_EXACT), vois.get(1));
        assertEquals(1.0, vois.get(2).apply(1), 1e-9);
        assertEquals(0.0, vois.get(2).apply(-5), 1e-9);
    }

    @Test
    void greyRenderingFoldsModalityVoiAndPresentation() {
        FrameBuffer f = new FrameBuffer().reset(1, 4, 1, SampleKind.S16, 12, Photometric.MONOCHROME2);
        int[] stored = {-2048, 0, 1064, 2047};
        for (int i = 0; i < 4; i++) {
            f.setSample(i, stored[i]);
        }
        // HU = stored - 1024; window c=40 w=400 LINEAR: HU 40 -> ((40-39.5)/399+0.5)*255 = 127.82 -> 128
        RenderSettings s = new RenderSettings(new ModalityLut.Rescale(1, -1024),
                new VoiLut.Window(40, 400, VoiFunction.LINEAR), PresentationLut.IDENTITY);
        DisplayImage out = new DisplayImage();
        FrameRenderer r = new FrameRenderer();
        r.renderGrey(f, s, out);
        assertEquals(0, out.grey()[0] & 0xFF);
        assertEquals(0, out.grey()[1] & 0xFF); // HU -1024
        assertEquals(128, out.grey()[2] & 0xFF); // HU 40
        assertEquals(255, out.grey()[3] & 0xFF);
        r.renderGrey(f, s.inverted(), out);
        assertEquals(255, out.grey()[0] & 0xFF);
        assertEquals(127, out.grey()[2] & 0xFF); // 1 - 0.50125 -> 127.18
        r.renderArgb(f, s, null, out);
        assertEquals(0xFF808080, out.argb()[2]);
    }

    @Test
    void monochromeOneIsShownInverted() {
        assertEquals(PresentationLut.INVERSE, PresentationLut.forImage(Photometric.MONOCHROME1, null));
        assertEquals(PresentationLut.INVERSE, PresentationLut.forImage(Photometric.MONOCHROME2, "INVERSE"));
        assertEquals(PresentationLut.IDENTITY, PresentationLut.forImage(Photometric.MONOCHROME2, "IDENTITY"));
    }

    @Test
    void autoWindowSpansTheModalityRange() {
        FrameBuffer f = new FrameBuffer().reset(1, 3, 1, SampleKind.U16, 12, Photometric.MONOCHROME2);
        f.setSample(0, 100);
        f.setSample(1, 600);
        f.setSample(2, 1100);
        VoiLut.Window w = AutoWindow.of(f, new ModalityLut.Rescale(2, 0));
        // modality 200..2200: LINEAR black at <= 200 and white above 2200
        assertEquals(0, w.apply(200), 1e-9);
        assertEquals(1, w.apply(2200), 1e-9);
        assertEquals(0.5, w.apply(1200.5), 1e-3);
    }

    @Test
    void paletteMapsIndicesThroughThreeTables() {
        DicomObject ds = new DicomObject();
        for (int[] t : new int[][] {{Tag.RedPaletteColorLookupTableDescriptor, Tag.RedPaletteColorLookupTableData},
            {Tag.GreenPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableData},
            {Tag.BluePaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableData}}) {
            ds.setInt(t[0], VR.US, 2, 0, 16);
        }
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, words(0xFFFF, 0));
        ds.setBytes(Tag.GreenPaletteColorLookupTableData, VR.OW, words(0, 0x8000));
        ds.setBytes(Tag.BluePaletteColorLookupTableData, VR.OW, words(0x1234, 0xFF00));
        PaletteColorLut p = PaletteColorLut.from(ds);
        assertEquals(0xFFFF0012, p.argb(0));
        assertEquals(0xFF0080FF, p.argb(1));
        assertEquals(0xFF0080FF, p.argb(7));
    }

    @Test
    void ybrFullUsesTheStandardEquations() {
        // Y=128 Cb=128 Cr=255: R = 128 + 1.402*127 = 306 -> 255, G = 128 - 0.714136*127 = 37.3 -> 37, B = 128
        assertEquals(0xFFFF2580, YbrToRgb.full(128, 128, 255));
        assertEquals(0xFF808080, YbrToRgb.full(128, 128, 128));
        // partial range: Y=235, Cb=Cr=128 is white
        assertEquals(0xFFFFFFFF, YbrToRgb.partial(235, 128, 128));
        assertEquals(0xFF000000, YbrToRgb.partial(16, 128, 128));
    }
}
