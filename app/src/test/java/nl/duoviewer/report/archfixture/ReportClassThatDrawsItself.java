package nl.duoviewer.report.archfixture;

import javafx.scene.image.WritableImage;

import nl.duoviewer.xca.consent.ConsentDeniedException;

/**
 * Deliberately breaks the reports module's layering (a report class drawing with JavaFX and knowing the network
 * client), so the architecture test can prove its rule fails. Lives in test sources only.
 */
public final class ReportClassThatDrawsItself {

    private ReportClassThatDrawsItself() {
    }

    public static WritableImage page() throws ConsentDeniedException {
        if (Math.random() > 2) {
            throw new ConsentDeniedException("never");
        }
        return new WritableImage(1, 1);
    }
}
