package nl.duoviewer.core.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Window formulas of PS3.3 C.11.2.1.2 / C.11.2.1.3, checked against values computed by hand. */
class VoiFunctionTest {
    private static final double EPS = 1e-9;

    @Test
    void linearFollowsTheStandardIncludingTheHalfOffset() {
        // c = 40, w = 400: black at x <= 40 - 0.5 - 199.5 = -160, white above 40 - 0.5 + 199.5 = 239
        VoiFunction f = VoiFunction.LINEAR;
        assertEquals(0, f.apply(-160, 40, 400, 0, 255), EPS);
        assertEquals((-199.0 / 399 + 0.5) * 255, f.apply(-159.5, 40, 400, 0, 255), EPS); // 0.31955
        assertEquals((0.5 / 399 + 0.5) * 255, f.apply(40, 40, 400, 0, 255), EPS); // 127.8195
        assertEquals(255, f.apply(239, 40, 400, 0, 255), EPS); // still the formula: exactly white
        assertEquals(255, f.apply(239.01, 40, 400, 0, 255), EPS);
    }

    @Test
    void linearWithWidthOneIsAThreshold() {
        assertEquals(0, VoiFunction.LINEAR.apply(99.5, 100, 1, 0, 255), EPS);
        assertEquals(255, VoiFunction.LINEAR.apply(99.6, 100, 1, 0, 255), EPS);
    }

    @Test
    void linearExactHasNoHalfOffset() {
        VoiFunction f = VoiFunction.LINEAR_EXACT;
        assertEquals(0, f.apply(-160, 40, 400, 0, 255), EPS);
        assertEquals(127.5, f.apply(40, 40, 400, 0, 255), EPS);
        assertEquals(63.75, f.apply(-60, 40, 400, 0, 255), EPS); // ((-100/400) + 0.5) * 255
        assertEquals(255, f.apply(240, 40, 400, 0, 255), EPS);
        assertEquals(255, f.apply(240.5, 40, 400, 0, 255), EPS);
    }

    @Test
    void sigmoidIsCentredLogistic() {
        VoiFunction f = VoiFunction.SIGMOID;
        assertEquals(127.5, f.apply(40, 40, 400, 0, 255), EPS);
        assertEquals(255 / (1 + Math.exp(-1)), f.apply(140, 40, 400, 0, 255), EPS); // 186.4199
        assertEquals(255 / (1 + Math.exp(1)), f.apply(-60, 40, 400, 0, 255), EPS); // 68.5801
    }

    @Test
    void parsesTheAttributeAndRejectsBadWidths() {
        assertEquals(VoiFunction.SIGMOID, VoiFunction.parse("SIGMOID "));
        assertEquals(VoiFunction.LINEAR, VoiFunction.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new VoiLut.Window(40, 0.5, VoiFunction.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new VoiLut.Window(40, 0, VoiFunction.LINEAR_EXACT));
        assertEquals(0.5, new VoiLut.Window(40, 0.5, VoiFunction.LINEAR_EXACT).apply(40), EPS);
    }
}
