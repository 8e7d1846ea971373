package nl.duoviewer.core.timeline;

import java.util.Objects;

/**
 * The care institution that holds (and published) a study, as shown next to each study on the timeline.
 *
 * @param name            display name, from the author institution in the registry metadata
 * @param ura             URA number (UZI register), the institution's national identifier; may be empty when the
 *                        source did not send one
 * @param homeCommunityId {@code urn:oid:...} of the community (vendor network) that answered for the institution, or
 *                        {@link #LOCAL} for the hospital's own PACS
 */
public record SourceInstitution(String name, String ura, String homeCommunityId) {

    /** OID root of URA numbers. */
    public static final String URA_OID = "2.16.528.1.1007.3.3";

    /**
     * The "community" of the hospital's own PACS: its studies are the own institution's, reached without DUO and
     * without Mitz. Also the source id of its status row.
     */
    public static final String LOCAL = "duoviewer:local";

    public SourceInstitution {
        Objects.requireNonNull(name, "name");
        ura = ura == null ? "" : ura;
        Objects.requireNonNull(homeCommunityId, "homeCommunityId");
    }

    /** The hospital's own PACS as a source of the timeline. */
    public static SourceInstitution local(String name, String ura) {
        return new SourceInstitution(name, ura, LOCAL);
    }

    /** True for the hospital's own PACS: a study held here is the institution's own (no DUO, no Mitz). */
    public boolean isLocal() {
        return LOCAL.equals(homeCommunityId);
    }
}
