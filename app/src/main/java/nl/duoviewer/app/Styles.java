package nl.duoviewer.app;

import javafx.scene.Scene;
import javafx.scene.paint.Color;

/** The application's look: its stylesheet, and the scene fill the image area shows through. */
public final class Styles {

    private Styles() {
    }

    /** URL of the stylesheet to add to a scene. */
    public static String stylesheet() {
        return Styles.class.getResource("css/duoviewer.css").toExternalForm();
    }

    /**
     * Styles a scene for the main window: the stylesheet, and black as the scene's fill, which is the image area's
     * background (the stylesheet leaves the regions above it transparent, so scrolling repaints no fill of theirs).
     */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(stylesheet());
        scene.setFill(Color.BLACK);
    }
}
