package nl.duoviewer.app.soak;

import java.time.Duration;

/**
 * How big a soak is: the short form every {@code verify} runs, or the full size of issue 10 (200 timeline queries,
 * 2,000 image retrievals) that {@code benchmarks/soak.sh} runs. Chosen with {@code -Dduoviewer.soak=ci|full}.
 *
 * @param name            ci or full
 * @param patients        demo patients the queries rotate over
 * @param timelineQueries timeline queries (one per round)
 * @param images          images to retrieve and decode in all, spread over the rounds
 * @param patientSwitches patients opened one after another in the application
 * @param deadline        the whole soak fails when it has not finished by then
 */
public record SoakScale(String name, int patients, int timelineQueries, int images, int patientSwitches,
                 Duration deadline) {

    static final String PROPERTY = "duoviewer.soak";

    public static final SoakScale CI = new SoakScale("ci", 4, 28, 240, 20, Duration.ofMinutes(10));
    public static final SoakScale FULL = new SoakScale("full", 7, 200, 2000, 20, Duration.ofMinutes(60));

    public static SoakScale current() {
        String s = System.getProperty(PROPERTY, "ci").strip();
        return switch (s) {
            case "", "ci" -> CI;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(PROPERTY + " must be ci or full, not " + s);
        };
    }
}
