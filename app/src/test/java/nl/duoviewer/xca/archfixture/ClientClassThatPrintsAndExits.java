package nl.duoviewer.xca.archfixture;

import java.util.logging.Logger;

/**
 * Deliberately breaks the console, exit and logging rules (a library printing, ending the JVM and configuring JUL),
 * so the architecture test can prove those rules fail.
 */
public final class ClientClassThatPrintsAndExits {

    private ClientClassThatPrintsAndExits() {
    }

    public static void giveUp(String why) {
        System.err.println("query failed: " + why);
        Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
        System.exit(3);
    }
}
