package nl.duoviewer.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps the measuring processes' output to what the script prints: warnings and errors only. */
final class Quiet {

    /** Held so the levels survive garbage collection of otherwise unreferenced JUL loggers. */
    private static final List<Logger> HELD = new ArrayList<>();

    private Quiet() {
    }

    static void logging() {
        for (String name : List.of("", "org.apache.cxf", "org.eclipse.jetty", "nl.duoviewer")) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.WARNING);
            HELD.add(l);
        }
    }
}
