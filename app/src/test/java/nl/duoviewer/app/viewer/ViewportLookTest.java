package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.InstanceHeader;
import nl.duoviewer.core.pixel.VoiLut;
import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Rotate, flip, invert and the source's VOI LUT tables: in the viewport's view model (plain JUnit) and in the pixels
 * the renderer writes.
 */
class ViewportLookTest {

    private final FrameRenderer renderer = new FrameRenderer();

    /** A 3 x 2 frame whose stored values are its pixel numbers 0..5, row by row. */
    private static GrayscalePixels numbered() {
        return new GrayscalePixels(3, 2, new short[] {0, 1, 2, 3, 4, 5}, false, 1, 0, false);
    }

    /** Renders the numbered frame 1:1, as turned, through a window that gives each value its own grey. */
    private int[] greys(Orientation o, boolean invert) {
        GrayscalePixels g = numbered();
        int w = o.displayedWidth(3, 2);
        int h = o.displayedHeight(3, 2);
        int[] out = new int[w * h];
        renderer.render(g, new WindowLevel(2.5, 6), new FrameRenderer.Look(null, o, invert),
                new FrameRenderer.Placement(0, 0, w, h), out, w, h);
        int[] grey = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            grey[i] = out[i] & 0xFF;
        }
        return grey;
    }

    /** Which stored value (0..5) each rendered pixel shows. */
    private int[] values(Orientation o, boolean invert) {
        int[] plain = greys(Orientation.NONE, false); // value k at index k, each its own grey
        int[] grey = greys(o, invert);
        int[] v = new int[grey.length];
        for (int i = 0; i < grey.length; i++) {
            v[i] = -1;
            for (int k = 0; k < plain.length; k++) {
                if (plain[k] == (invert ? 255 - grey[i] : grey[i])) {
                    v[i] = k;
                }
            }
        }
        return v;
    }

    @Test
    void quarterTurnsAndFlipsMoveEveryPixelWhereTheyShould() {
        // 0 1 2      turned clockwise:  3 0      flipped horizontally: 2 1 0     vertically: 3 4 5
        // 3 4 5                         4 1                            5 4 3                 0 1 2
        //                               5 2
        assertEquals(6, java.util.Arrays.stream(greys(Orientation.NONE, false)).distinct().count());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, values(Orientation.NONE, false));
        assertArrayEquals(new int[] {3, 0, 4, 1, 5, 2}, values(Orientation.NONE.rotatedClockwise(), false));
        assertArrayEquals(new int[] {5, 4, 3, 2, 1, 0},
                values(Orientation.NONE.rotatedClockwise().rotatedClockwise(), false));
        assertArrayEquals(new int[] {2, 5, 1, 4, 0, 3}, values(new Orientation(3, false, false), false));
        assertArrayEquals(new int[] {2, 1, 0, 5, 4, 3}, values(Orientation.NONE.flippedHorizontally(), false));
        assertArrayEquals(new int[] {3, 4, 5, 0, 1, 2}, values(Orientation.NONE.flippedVertically(), false));
        // a flip before a turn mirrors along the other screen axis afterwards: turned, the picture's rows mirror
        assertArrayEquals(new int[] {5, 2, 4, 1, 3, 0},
                values(Orientation.NONE.flippedHorizontally().rotatedClockwise(), false));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, values(Orientation.NONE, true), "inverted: 255 - grey");
        assertEquals(255 - greys(Orientation.NONE, false)[0], greys(Orientation.NONE, true)[0]);
    }

    @Test
    void orientationMapsPointsBothWays() {
        for (int q = 0; q < 4; q++) {
            for (boolean h : new boolean[] {false, true}) {
                for (boolean v : new boolean[] {false, true}) {
                    Orientation o = new Orientation(q, h, v);
                    double[] uv = o.toPicture(0.7, 1.9, 3, 2);
                    assertArrayEquals(new double[] {0.7, 1.9}, o.toFrame(uv[0], uv[1], 3, 2), 1e-12, o::toString);
                }
            }
        }
        assertArrayEquals(new double[] {2, 0}, Orientation.NONE.rotatedClockwise().toPicture(0, 0, 3, 2), 1e-12,
                "the top-left corner goes to the top right");
    }

    @Test
    void aSourceVoiLutTableReplacesTheWindowAndInversionFlipsColour() {
        // a table over stored 0..5 giving 0, 4095, 0, 4095...: nothing like a window
        VoiLut.Table table = new VoiLut.Table(new nl.duoviewer.core.pixel.LookupTable(0, 12,
                new int[] {0, 4095, 0, 4095, 0, 4095}));
        int[] out = new int[6];
        renderer.render(numbered(), new WindowLevel(2.5, 6), new FrameRenderer.Look(table, Orientation.NONE, false),
                new FrameRenderer.Placement(0, 0, 3, 2), out, 3, 2);
        int[] grey = new int[6];
        for (int i = 0; i < 6; i++) {
            grey[i] = out[i] & 0xFF;
        }
        assertArrayEquals(new int[] {0, 255, 0, 255, 0, 255}, grey);

        ColorPixels red = new ColorPixels(1, 1, new int[] {0xFFFF0000});
        int[] c = new int[1];
        renderer.render(red, null, new FrameRenderer.Look(null, Orientation.NONE, true),
                new FrameRenderer.Placement(0, 0, 1, 1), c, 1, 1);
        assertEquals(0xFF00FFFF, c[0]);
    }

    // ------------------------------------------------------------------------------------------ view model

    private static DecodedFrame crFrame(int instance) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.9.1." + instance);
        ds.setDouble(Tag.WindowCenter, VR.DS, 2000, 2000);
        ds.setDouble(Tag.WindowWidth, VR.DS, 4000, 800);
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "STANDARD", "HARD");
        DicomObject item = ds.newSequence(Tag.VOILUTSequence).addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, 2, 0, 12);
        item.setBytes(Tag.LUTData, VR.OW, new byte[] {0, 0, (byte) 0xFF, 0x0F});
        item.setString(Tag.LUTExplanation, VR.LO, "SIGMOID");
        GrayscalePixels px = new GrayscalePixels(4, 2, new short[8], false, 1, 0, false);
        return new DecodedFrame(ViewerViewModelTest.STUDY, ViewerViewModelTest.SERIES, 1, "", "CR", instance, 1, 2,
                px, new WindowLevel(2000, 4000), InstanceHeader.of(ds));
    }

    private ViewportViewModel showing(DecodedFrame... frames) {
        Queue<Runnable> ui = new ArrayDeque<>();
        ViewerLayoutViewModel layout = new ViewerLayoutViewModel();
        StudyViewModel study = new StudyViewModel(ViewerViewModelTest.PATIENT,
                ViewerViewModelTest.entry(ViewerViewModelTest.STUDY, "CR"), new SimpleObjectProperty<>("x"), ui::add,
                Long.MAX_VALUE);
        layout.open(study);
        for (DecodedFrame f : frames) {
            study.listener().frameDecoded(f);
        }
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
        }
        return layout.activeViewport();
    }

    @Test
    void theSourcesWindowsAndVoiLutTableAreOfferedAndTheTableIsRenderedUntilTheUserWindows() {
        ViewportViewModel v = showing(crFrame(1), crFrame(2));
        List<InstanceHeader.SourceVoi> choices = v.sourceVois();
        assertEquals(3, choices.size());
        assertEquals("SIGMOID", choices.get(2).explanation());

        v.useSourceVoi(choices.get(1));
        assertEquals(new WindowLevel(2000, 800), v.displayedProperty().get().window());
        assertNull(v.displayedProperty().get().voiTable());

        v.useSourceVoi(choices.get(2));
        ViewportViewModel.Displayed d = v.displayedProperty().get();
        assertSame(choices.get(2).voi(), d.voiTable());
        assertNull(d.window(), "a table is not a window");
        assertEquals("SIGMOID", v.overlayProperty().get().voiTable().explanation());
        assertNull(v.overlayProperty().get().window());

        v.scrollBy(1);
        assertEquals(choices.get(2).voi(), v.displayedProperty().get().voiTable(), "the choice holds for the series");

        v.dragWindow(10, 0);
        assertNull(v.displayedProperty().get().voiTable(), "windowing by hand leaves the table");
        assertTrue(v.displayedProperty().get().window() != null);
    }

    @Test
    void rotateFlipAndInvertReachWhatIsRenderedAndResetUndoesThem() {
        ViewportViewModel v = showing(crFrame(1));
        v.rotateClockwise();
        v.flipHorizontal();
        v.toggleInvert();
        ViewportViewModel.Displayed d = v.displayedProperty().get();
        assertEquals(new Orientation(1, true, false), d.orientation());
        assertTrue(d.inverted());
        v.flipVertical();
        assertEquals(new Orientation(1, true, true), v.orientationProperty().get());

        v.resetView();
        d = v.displayedProperty().get();
        assertEquals(Orientation.NONE, d.orientation());
        assertFalse(d.inverted());
        v.show(null);
        assertEquals(Orientation.NONE, v.orientationProperty().get());
    }

    @Test
    void aFrameWithoutSourceWindowsOffersNone() {
        ViewportViewModel v = showing(ViewerViewModelTest.slice(1));
        assertEquals(List.of(), v.sourceVois());
    }
}
