package nl.duoviewer.app.viewer.archfixture;

import nl.duoviewer.xca.config.ConfigException;

/**
 * Deliberately breaks the rule that screens never talk to the client (a class in a screen package using a
 * client type), so the architecture test can prove the rule fails.
 */
public final class ViewThatCallsTheClient {

    private ViewThatCallsTheClient() {
    }

    public static String problem(Exception e) {
        return e instanceof ConfigException ? "configuration" : "other";
    }
}
