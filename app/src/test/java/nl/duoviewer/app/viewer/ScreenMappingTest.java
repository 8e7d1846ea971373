package nl.duoviewer.app.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.measure.ImagePoint;

/** Measurements stay on the anatomy: image points to the screen and back, zoomed, panned and turned. */
class ScreenMappingTest {

    @Test
    void aPointFollowsZoomAndPan() {
        // a 200 x 100 frame fitted at 2 screen pixels per image pixel, from (10, 20)
        ScreenMapping fit = new ScreenMapping(10, 20, 400, 200, 200, 100, Orientation.NONE);
        assertArrayEquals(new double[] {10 + 2 * 50, 20 + 2 * 25}, fit.toScreen(new ImagePoint(50, 25)), 1e-9);
        // zoomed twice more and panned: the picture is larger and elsewhere, the point with it
        ScreenMapping zoomed = new ScreenMapping(-150, -30, 800, 400, 200, 100, Orientation.NONE);
        assertArrayEquals(new double[] {-150 + 4 * 50, -30 + 4 * 25}, zoomed.toScreen(new ImagePoint(50, 25)), 1e-9);
    }

    @Test
    void screenToImageUndoesImageToScreenInEveryOrientation() {
        for (int q = 0; q < 4; q++) {
            Orientation o = new Orientation(q, q == 1, q == 2);
            int dw = o.displayedWidth(200, 100);
            int dh = o.displayedHeight(200, 100);
            ScreenMapping m = new ScreenMapping(5, 7, dw * 1.5, dh * 1.5, 200, 100, o);
            ImagePoint p = new ImagePoint(31.25, 77.5);
            double[] s = m.toScreen(p);
            ImagePoint back = m.toImage(s[0], s[1]);
            assertEquals(p.x(), back.x(), 1e-9, o::toString);
            assertEquals(p.y(), back.y(), 1e-9, o::toString);
        }
        // turned clockwise, the frame's top-left corner is at the picture's top right
        ScreenMapping turned = new ScreenMapping(0, 0, 100, 200, 200, 100, Orientation.NONE.rotatedClockwise());
        assertArrayEquals(new double[] {100, 0}, turned.toScreen(new ImagePoint(0, 0)), 1e-9);
    }
}
