package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.LookupTable;
import nl.duoviewer.core.pixel.ModalityLut;
import nl.duoviewer.core.pixel.VoiFunction;
import nl.duoviewer.core.pixel.WindowLevel;

class FrameRendererTest {

    private final FrameRenderer renderer = new FrameRenderer();

    @Test
    void linearVoiFollowsTheDicomFunction() {
        WindowLevel w = new WindowLevel(40, 400);
        assertEquals(0, linear(-160, w));
        assertEquals(255, linear(240, w));
        assertEquals(128, linear(40, w));
        assertEquals(64, linear(-60, w), 1);
        assertEquals(0, linear(-1000, w));
        assertEquals(255, linear(3000, w));
    }

    @Test
    void aWidthOfOneIsAThreshold() {
        WindowLevel w = new WindowLevel(100, 1);
        assertEquals(0, linear(99, w));
        assertEquals(255, linear(100, w));
    }

    @Test
    void storedValuesAreRescaledBeforeWindowing() {
        // CT as stored: HU + 1024, intercept -1024
        short[] stored = {(short) (-1000 + 1024), (short) (40 + 1024), (short) (1000 + 1024)};
        int[] out = new int[3];
        renderer.render(new GrayscalePixels(3, 1, stored, false, 1, -1024, false), new WindowLevel(40, 400), out);
        assertArrayEquals(new int[] {0xFF000000, gray(128), gray(255)}, out);
    }

    @Test
    void signedValuesUseTheirSign() {
        short[] stored = {-1000, 40, 1000};
        int[] out = new int[3];
        renderer.render(new GrayscalePixels(3, 1, stored, true, 1, 0, false), new WindowLevel(40, 400), out);
        assertArrayEquals(new int[] {gray(0), gray(128), gray(255)}, out);
    }

    @Test
    void unsignedSixteenBitValuesAboveShortRangeStayPositive() {
        short[] stored = {(short) 60000, (short) 100};
        int[] out = new int[2];
        renderer.render(new GrayscalePixels(2, 1, stored, false, 1, 0, false), new WindowLevel(30000, 60000), out);
        assertEquals(0xFF, out[0] & 0xFF, 1);
        assertEquals(0, out[1] & 0xFF, 1);
    }

    @Test
    void monochromeOneIsInverted() {
        int[] out = new int[2];
        renderer.render(new GrayscalePixels(2, 1, new short[] {0, 255}, false, 1, 0, true),
                new WindowLevel(127.5, 256), out);
        assertArrayEquals(new int[] {gray(255), gray(0)}, out);
    }

    @Test
    void aChangedWindowRebuildsTheTable() {
        GrayscalePixels px = new GrayscalePixels(1, 1, new short[] {40}, true, 1, 0, false);
        int[] out = new int[1];
        renderer.render(px, new WindowLevel(40, 400), out);
        assertEquals(gray(128), out[0]);
        renderer.render(px, new WindowLevel(400, 1800), out);
        assertEquals(gray(linear(40, new WindowLevel(400, 1800))), out[0]);
    }

    @Test
    void theSourcesVoiFunctionShapesTheWindow() {
        // centre 100, width 200: LINEAR clips at 0..200, SIGMOID (C.11.2.1.3.1) never reaches black or white
        short[] stored = {0, 100, 200, 1000};
        WindowLevel w = new WindowLevel(100, 200);
        int[] linear = new int[4];
        renderer.render(new GrayscalePixels(4, 1, stored, false, ModalityLut.IDENTITY, VoiFunction.LINEAR, false), w,
                linear);
        int[] sigmoid = new int[4];
        renderer.render(new GrayscalePixels(4, 1, stored, false, ModalityLut.IDENTITY, VoiFunction.SIGMOID, false),
                w, sigmoid);
        assertArrayEquals(new int[] {gray(0), gray(128), gray(255), gray(255)}, linear);
        // 255 / (1 + exp(-4 (x - c) / w)): 30.4, 127.5, 224.6, 255.0
        assertArrayEquals(new int[] {gray(30), gray(128), gray(225), gray(255)}, sigmoid);
        int[] exact = new int[4];
        renderer.render(new GrayscalePixels(4, 1, stored, false, ModalityLut.IDENTITY, VoiFunction.LINEAR_EXACT,
                false), new WindowLevel(100, 100), exact);
        // C.11.2.1.3.2: ((x - c) / w + 0.5) * 255 between c - w/2 and c + w/2
        assertArrayEquals(new int[] {gray(0), gray(128), gray(255), gray(255)}, exact);
    }

    @Test
    void aModalityLutTableMapsStoredValuesBeforeWindowing() {
        // stored 0, 1, 2 -> 0, 1000, 2000 through a Modality LUT Sequence table; inputs past the table take its end
        ModalityLut table = new ModalityLut.Table(new LookupTable(0, 16, new int[] {0, 1000, 2000}));
        int[] out = new int[4];
        renderer.render(new GrayscalePixels(4, 1, new short[] {0, 1, 2, 9}, false, table, VoiFunction.LINEAR, false),
                new WindowLevel(1000, 2000), out);
        assertArrayEquals(new int[] {gray(0), gray(128), gray(255), gray(255)}, out);
    }

    @Test
    void colourIsCopiedAsIs() {
        int[] argb = {0xFFFF0000, 0xFF00FF00};
        int[] out = new int[2];
        renderer.render(new ColorPixels(2, 1, argb), new WindowLevel(0, 1), out);
        assertArrayEquals(argb, out);
    }

    @Test
    void resamplingInterpolatesStoredValuesBeforeTheLookup() {
        // a 2 x 1 frame shown 4 x 1: target centres fall on source x = -0.25, 0.25, 0.75, 1.25
        GrayscalePixels px = new GrayscalePixels(2, 1, new short[] {0, 200}, false, 1, 0, false);
        int[] out = new int[4];
        renderer.render(px, new WindowLevel(100, 200), new FrameRenderer.Placement(0, 0, 4, 1), out, 4, 1);
        // stored 0 | 0.75*0 + 0.25*200 = 50 | 150 | 200, then the window 0..200 to grey
        assertArrayEquals(new int[] {gray(0), gray(linear(50, new WindowLevel(100, 200))),
            gray(linear(150, new WindowLevel(100, 200))), gray(255)}, out);
    }

    @Test
    void aPlacedFrameLeavesBlackAroundItAndScalesBothWays() {
        GrayscalePixels px = new GrayscalePixels(2, 2, new short[] {10, 20, 30, 40}, false, 1, 0, false);
        int[] out = new int[6 * 4];
        // doubled, one pixel in from the left and top
        WindowLevel w = new WindowLevel(127.5, 256);
        renderer.render(px, w, new FrameRenderer.Placement(1, 1, 4, 4), out, 6, 4);
        int black = 0xFF000000;
        for (int x = 0; x < 6; x++) {
            assertEquals(black, out[x], "row 0 is above the frame");
        }
        for (int y = 1; y < 4; y++) {
            assertEquals(black, out[y * 6], "column 0 is left of it");
            assertEquals(black, out[y * 6 + 5], "column 5 is right of it");
        }
        // the frame's top-left target pixel maps to source (-0.25, -0.25): the corner value, clamped
        assertEquals(gray(linear(10, w)), out[6 + 1]);
        // (0.25, 0.25) between all four: 10 + 0.25*10 + 0.25*20 = 17.5, rounded to 18
        assertEquals(gray(linear(18, w)), out[2 * 6 + 2]);
    }

    @Test
    void colourIsInterpolatedPerChannel() {
        ColorPixels px = new ColorPixels(2, 1, new int[] {0xFF000000, 0xFFC86432});
        int[] out = new int[3];
        // centres at source x = -1/6, 0.5, 7/6: clamped, half way, clamped
        renderer.render(px, new WindowLevel(0, 1), new FrameRenderer.Placement(0, 0, 3, 1), out, 3, 1);
        assertArrayEquals(new int[] {0xFF000000, 0xFF643219, 0xFFC86432}, out);
    }

    private static int linear(double x, WindowLevel w) {
        return FrameRenderer.grey(VoiFunction.LINEAR, x, w);
    }

    private static int gray(int g) {
        return 0xFF000000 | g << 16 | g << 8 | g;
    }
}
