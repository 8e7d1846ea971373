package nl.duoviewer.xca.manifest;

import java.net.URI;
import java.util.List;

/**
 * One series of a KOS manifest and where to get it.
 *
 * @param seriesInstanceUid   the series
 * @param retrieveLocationUid Retrieve Location UID (0040,E011): the repository to address in RAD-69/75
 * @param retrieveUrl         Retrieve URL (0008,1190) for WADO-RS, or null when the manifest gives none
 * @param instances           the referenced instances, in manifest order
 */
public record ManifestSeries(String seriesInstanceUid, String retrieveLocationUid, URI retrieveUrl,
                             List<ManifestInstance> instances) {

    public ManifestSeries {
        instances = List.copyOf(instances);
    }

    public List<String> sopInstanceUids() {
        return instances.stream().map(ManifestInstance::sopInstanceUid).toList();
    }
}
