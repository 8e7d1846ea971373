package nl.duoviewer.xca.manifest;

import java.net.URI;
import java.util.List;

/**
 * One series of a KOS manifest and where to get it.
 *
 * @param seriesInstanceUid   the series
 * @param retrieveLocationUid Retrieve Location UID (0040,E011): the repository to address in RAD-69/75, or null
 * @param retrieveUrl         Retrieve URL (0008,1190) for WADO-RS, or null when the manifest gives none
 * @param instances           the referenced instances, in manifest order
 */
public record ManifestSeries(String seriesInstanceUid, String retrieveLocationUid, URI retrieveUrl,
                             List<ManifestInstance> instances) {

    public ManifestSeries {
        instances = List.copyOf(instances);
    }

    /**
     * False when the manifest gives the series neither a Retrieve Location UID nor a Retrieve URL: it cannot be
     * asked for with RAD-69/75 or WADO-RS, so its instances are missing for that reason alone.
     */
    public boolean retrievable() {
        return retrieveLocationUid != null || retrieveUrl != null;
    }

    public List<String> sopInstanceUids() {
        return instances.stream().map(ManifestInstance::sopInstanceUid).toList();
    }
}
