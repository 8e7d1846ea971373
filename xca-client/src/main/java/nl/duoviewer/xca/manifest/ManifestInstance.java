package nl.duoviewer.xca.manifest;

/** One image listed in a KOS manifest. */
public record ManifestInstance(String sopClassUid, String sopInstanceUid) {
}
