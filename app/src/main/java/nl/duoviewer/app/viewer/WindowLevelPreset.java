package nl.duoviewer.app.viewer;

import nl.duoviewer.core.pixel.WindowLevel;

/** The usual CT windows, in Hounsfield units. Offered only for CT, where the pixel values are HU. */
public enum WindowLevelPreset {
    SOFT_TISSUE("viewer.preset.softTissue", 40, 400),
    LUNG("viewer.preset.lung", -600, 1500),
    BONE("viewer.preset.bone", 400, 1800),
    BRAIN("viewer.preset.brain", 40, 80);

    private final String textKey;
    private final WindowLevel window;

    WindowLevelPreset(String textKey, double center, double width) {
        this.textKey = textKey;
        this.window = new WindowLevel(center, width);
    }

    public String textKey() {
        return textKey;
    }

    public WindowLevel window() {
        return window;
    }
}
