package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.imaging.ColorPixels;
import nl.duoviewer.app.imaging.GrayscalePixels;
import nl.duoviewer.app.imaging.WindowLevel;

class FrameRendererTest {

    private final FrameRenderer renderer = new FrameRenderer();

    @Test
    void linearVoiFollowsTheDicomFunction() {
        WindowLevel w = new WindowLevel(40, 400);
        assertEquals(0, FrameRenderer.voiLinear(-160, w));
        assertEquals(255, FrameRenderer.voiLinear(240, w));
        assertEquals(128, FrameRenderer.voiLinear(40, w));
        assertEquals(64, FrameRenderer.voiLinear(-60, w), 1);
        assertEquals(0, FrameRenderer.voiLinear(-1000, w));
        assertEquals(255, FrameRenderer.voiLinear(3000, w));
    }

    @Test
    void aWidthOfOneIsAThreshold() {
        WindowLevel w = new WindowLevel(100, 1);
        assertEquals(0, FrameRenderer.voiLinear(99, w));
        assertEquals(255, FrameRenderer.voiLinear(100, w));
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
        assertEquals(gray(FrameRenderer.voiLinear(40, new WindowLevel(400, 1800))), out[0]);
    }

    @Test
    void colourIsCopiedAsIs() {
        int[] argb = {0xFFFF0000, 0xFF00FF00};
        int[] out = new int[2];
        renderer.render(new ColorPixels(2, 1, argb), new WindowLevel(0, 1), out);
        assertArrayEquals(argb, out);
    }

    private static int gray(int g) {
        return 0xFF000000 | g << 16 | g << 8 | g;
    }
}
