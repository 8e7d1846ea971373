package nl.duoviewer.app.imaging;

import java.util.Objects;

/**
 * Why a study load stopped, as a reason the view translates (Dutch or English) rather than a sentence: the service
 * never hands exception text to the screen; technical detail goes to the log. Source names are the institutions as
 * the timeline names them (proper names, shown as they are).
 */
public sealed interface LoadFailure {

    /**
     * No retrieval is allowed. Deliberately one neutral reason for a refusal, a missing registration and a failing
     * consent service alike, so that what the user sees never reveals whether data exists (decision record 6).
     */
    record ConsentRefused() implements LoadFailure {
    }

    /** The DUO network (a configured gateway, or the embedded demo network) could not be reached or started. */
    record NetworkUnavailable() implements LoadFailure {
    }

    /** The source could not be reached (connection refused, no route). */
    record SourceUnreachable(String source) implements LoadFailure {
        public SourceUnreachable {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The source did not answer in time, or stopped sending half way. */
    record TimedOut(String source) implements LoadFailure {
        public TimedOut {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The source's index of the study (its KOS manifest) could not be used. */
    record ManifestUnusable(String source) implements LoadFailure {
        public ManifestUnusable {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The source sent an object naming another patient; it was not shown and retrieval stopped. */
    record WrongPatient(String source) implements LoadFailure {
        public WrongPatient {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The source sent an object of another study of this patient; it was not shown and retrieval stopped.
     *
     * @param studyInstanceUid the study the object named, empty when it named none
     */
    record WrongStudy(String source, String studyInstanceUid) implements LoadFailure {
        public WrongStudy {
            Objects.requireNonNull(source, "source");
            studyInstanceUid = studyInstanceUid == null ? "" : studyInstanceUid;
        }
    }

    /** Retrieval ended, but {@code missing} of the manifest's {@code total} images did not arrive. */
    record Incomplete(String source, int missing, int total) implements LoadFailure {
        public Incomplete {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Images arrived that cannot be shown (damaged, or in a form the viewer does not decode).
     *
     * @param images            how many
     * @param transferSyntaxUid the transfer syntax of the first one, null when it was not even readable as DICOM
     */
    record DecodeFailed(int images, String transferSyntaxUid) implements LoadFailure {
    }

    /** Retrieval from the source failed for another reason (its detail is in the log). */
    record RetrievalFailed(String source) implements LoadFailure {
        public RetrievalFailed {
            Objects.requireNonNull(source, "source");
        }
    }
}
