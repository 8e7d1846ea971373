package nl.duoviewer.network.catalogue;

import nl.duoviewer.core.timeline.SourceInstitution;

/**
 * A care institution that publishes studies in one network.
 *
 * @param name               e.g. "Spaarne Gasthuis"
 * @param ura                URA number (demo values)
 * @param organisationType   e.g. V4 ziekenhuis, V5 UMC, Z5 diagnostisch centrum
 * @param network            where it publishes
 * @param repositoryUniqueId its XDS repository (also the Retrieve Location UID of its images)
 * @param sourceId           its source system OID, as Mitz reports it
 */
public record Institution(String name, String ura, String organisationType, Network network,
                          String repositoryUniqueId, String sourceId) {

    /** How the client's timeline names this institution. */
    public SourceInstitution asSource() {
        return new SourceInstitution(name, ura, network.homeCommunityId());
    }
}
