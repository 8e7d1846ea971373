package nl.duoviewer.app;

/** The application's stylesheet. */
public final class Styles {

    private Styles() {
    }

    /** URL of the stylesheet to add to a scene. */
    public static String stylesheet() {
        return Styles.class.getResource("css/duoviewer.css").toExternalForm();
    }
}
