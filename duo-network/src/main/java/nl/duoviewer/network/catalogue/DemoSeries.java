package nl.duoviewer.network.catalogue;

import nl.duoviewer.core.dicom.Uids;

/**
 * One series of a demo study. Instance UIDs are derived from the series UID, so a large series costs no memory.
 *
 * @param seriesInstanceUid series UID
 * @param number            series number
 * @param modality          e.g. CT
 * @param description       e.g. "Thorax 1.0 B70f"
 * @param instanceCount     number of instances
 * @param frameOfReferenceUid the Frame of Reference UID of its slices (cross-sectional series); by default one of
 *                          its own, so that only series made to share one (a follow-up registered to its prior) do
 */
public record DemoSeries(String seriesInstanceUid, int number, String modality, String description,
                         int instanceCount, String frameOfReferenceUid) {

    /** A series in a Frame of Reference of its own. */
    public DemoSeries(String seriesInstanceUid, int number, String modality, String description, int instanceCount) {
        this(seriesInstanceUid, number, modality, description, instanceCount,
                Uids.fromName("for:" + seriesInstanceUid));
    }

    /** SOP Instance UID of instance {@code index} (0-based). */
    public String instanceUid(int index) {
        if (index < 0 || index >= instanceCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return seriesInstanceUid + "." + (index + 1);
    }

    /** The 0-based index of a SOP Instance UID of this series, or -1. */
    public int indexOf(String sopInstanceUid) {
        String prefix = seriesInstanceUid + ".";
        if (sopInstanceUid == null || !sopInstanceUid.startsWith(prefix)) {
            return -1;
        }
        String rest = sopInstanceUid.substring(prefix.length());
        if (!rest.matches("[1-9][0-9]{0,6}")) {
            return -1;
        }
        int i = Integer.parseInt(rest) - 1;
        return i < instanceCount ? i : -1;
    }

    /** SOP Class UID of the images (by modality). */
    public String sopClassUid() {
        return switch (modality) {
            case "CT" -> "1.2.840.10008.5.1.4.1.1.2";
            case "MR" -> "1.2.840.10008.5.1.4.1.1.4";
            case "CR" -> "1.2.840.10008.5.1.4.1.1.1";
            case "DX" -> "1.2.840.10008.5.1.4.1.1.1.1";
            case "US" -> "1.2.840.10008.5.1.4.1.1.6.1";
            case "MG" -> "1.2.840.10008.5.1.4.1.1.1.2";
            default -> "1.2.840.10008.5.1.4.1.1.7";
        };
    }
}
