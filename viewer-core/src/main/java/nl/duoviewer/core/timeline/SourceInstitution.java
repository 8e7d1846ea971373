package nl.duoviewer.core.timeline;

import java.util.Objects;

/**
 * The care institution that holds (and published) a study, as shown next to each study on the timeline.
 *
 * @param name            display name, from the author institution in the registry metadata
 * @param ura             URA number (UZI register), the institution's national identifier; may be empty when the
 *                        source did not send one
 * @param homeCommunityId {@code urn:oid:...} of the community (vendor network) that answered for the institution
 */
public record SourceInstitution(String name, String ura, String homeCommunityId) {

    /** OID root of URA numbers. */
    public static final String URA_OID = "2.16.528.1.1007.3.3";

    public SourceInstitution {
        Objects.requireNonNull(name, "name");
        ura = ura == null ? "" : ura;
        Objects.requireNonNull(homeCommunityId, "homeCommunityId");
    }
}
