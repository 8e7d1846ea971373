package nl.duoviewer.app.viewer;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.image.PixelSpacing;
import nl.duoviewer.core.measure.RegionStatistics;
import nl.duoviewer.core.measure.Result;

/** Words what a measurement reads, in the user's language: "100.0 mm", "100.0 mm (detector)", "50.0 px", "90.0°". */
public final class MeasurementText {

    private MeasurementText() {
    }

    public static String of(Texts texts, Result result) {
        return switch (result) {
            case Result.Length l -> texts.get("measure.length." + unitKey(l.unit()), l.value());
            case Result.Angle a -> texts.get("measure.angle", a.degrees());
            case Result.Region r -> region(texts, r);
        };
    }

    private static String region(Texts texts, Result.Region r) {
        String area = texts.get("measure.area." + unitKey(r.unit()), r.area());
        RegionStatistics s = r.statistics();
        if (s == null) {
            return area;
        }
        String unit = r.modalityUnit().isEmpty() ? "" : " " + r.modalityUnit();
        return texts.get("measure.stats", s.mean(), s.standardDeviation(), s.min(), s.max(), unit) + "\n" + area;
    }

    private static String unitKey(PixelSpacing.Kind kind) {
        return switch (kind) {
            case PATIENT -> "mm";
            case DETECTOR -> "detector";
            case NONE -> "px";
        };
    }
}
