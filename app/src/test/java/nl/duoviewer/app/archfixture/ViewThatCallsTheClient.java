package nl.duoviewer.app.archfixture;

import nl.duoviewer.xca.config.ConfigException;

/**
 * Deliberately breaks the rule that only {@code app.network} talks to the client (an app class outside it using a
 * client type), so the architecture test can prove the rule fails.
 */
public final class ViewThatCallsTheClient {

    private ViewThatCallsTheClient() {
    }

    public static String problem(Exception e) {
        return e instanceof ConfigException ? "configuration" : "other";
    }
}
