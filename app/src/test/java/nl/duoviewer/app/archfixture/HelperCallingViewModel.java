package nl.duoviewer.app.archfixture;

/**
 * Breaks the MVVM rule one step removed: the view model itself names no control, but a helper it calls builds one.
 * Lives in test sources only.
 */
public final class HelperCallingViewModel {

    public Object preview() {
        return NodeFactory.badge("CT");
    }

    /** The helper that reaches into the scene graph. */
    public static final class NodeFactory {
        public static Object badge(String text) {
            return new javafx.scene.text.Text(text);
        }
    }
}
