package nl.duoviewer.app.viewer;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import nl.duoviewer.core.timeline.TimelineEntry;

/**
 * Which earlier study to compare the one on screen with. The most relevant prior is the newest study of the same
 * patient made before the current one with the same modality and the same body part: what a radiologist compares
 * a follow-up with first. When there is none, the user picks from the other studies, newest first. Plain Java: no
 * JavaFX, tested on its own.
 *
 * @param best       the prior to show at once, null when the user must pick
 * @param candidates every other study of the patient with images, newest first (undated last); the list to pick from
 */
public record PriorSelection(TimelineEntry best, List<TimelineEntry> candidates) {

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(
            TimelineEntry::studyDateTime, Comparator.nullsLast(Comparator.reverseOrder()));

    public PriorSelection {
        candidates = List.copyOf(candidates);
    }

    /**
     * Chooses a prior for {@code current} among {@code studies} (the timeline's; other patients' are never
     * candidates).
     */
    public static PriorSelection of(TimelineEntry current, List<TimelineEntry> studies) {
        Objects.requireNonNull(current);
        List<TimelineEntry> others = studies.stream()
                .filter(s -> s.patient().equals(current.patient()))
                .filter(s -> !s.studyInstanceUid().equals(current.studyInstanceUid()))
                .sorted(NEWEST_FIRST)
                .toList();
        LocalDateTime when = current.studyDateTime();
        TimelineEntry best = when == null ? null : others.stream()
                .filter(s -> s.studyDateTime() != null && s.studyDateTime().isBefore(when))
                .filter(s -> sameModality(current, s) && sameBodyPart(current, s))
                .findFirst().orElse(null);
        return new PriorSelection(best, others);
    }

    private static boolean sameModality(TimelineEntry a, TimelineEntry b) {
        Set<String> ma = upper(a.modalities());
        Set<String> mb = upper(b.modalities());
        ma.retainAll(mb);
        return !ma.isEmpty();
    }

    private static boolean sameBodyPart(TimelineEntry a, TimelineEntry b) {
        String pa = normalise(a.bodyPart());
        return !pa.isEmpty() && pa.equals(normalise(b.bodyPart()));
    }

    private static Set<String> upper(Set<String> values) {
        return values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty()
                && !v.equals("KO") && !v.equals("SR") && !v.equals("PR")).collect(Collectors.toSet());
    }

    private static String normalise(String bodyPart) {
        return bodyPart == null ? "" : bodyPart.strip().toUpperCase(Locale.ROOT);
    }
}
