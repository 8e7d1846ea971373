package nl.duoviewer.core.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * On what basis a source's data may be shown and retrieved, shown on the source's row so that the user can tell a
 * Mitz consent from the TLB pilot's temporary consent (and see when that one ends). The consent gate decides; this
 * is what it decided on.
 */
public sealed interface ConsentBasis {

    /** Not (yet) known: the source has not answered, or it is not a community (Mitz itself, the network). */
    record Unknown() implements ConsentBasis {
    }

    /**
     * Mitz localised the source; when {@code closedQuestion} is true the deployment also asks Mitz's closed question
     * (XACML Permit) before every retrieval.
     */
    record Mitz(boolean closedQuestion) implements ConsentBasis {
    }

    /**
     * The temporary consent of the TLB pilot (28 days in the national milestone plan), reported by the community
     * itself with the moment it ends. Nothing is retrieved from {@code expiresAt} on.
     */
    record TemporaryConsent(Instant expiresAt) implements ConsentBasis {
        public TemporaryConsent {
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        /** True from the expiry moment on. */
        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /** The source runs under the temporary consent but reported none that can be used: nothing is retrieved. */
    record Missing() implements ConsentBasis {
    }

    /**
     * The hospital's own PACS: its studies are the institution's own, shown and retrieved without Mitz (decision
     * record 29).
     */
    record OwnInstitution() implements ConsentBasis {
    }

    /** The basis of a source that has not answered yet. */
    static ConsentBasis unknown() {
        return new Unknown();
    }
}
