package nl.duoviewer.xca.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.ReadOptions;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.patient.PatientIdentifiers;

/**
 * Reads a Key Object Selection document (XDS-I manifest): Current Requested Procedure Evidence Sequence (0040,A375)
 * → study → Referenced Series Sequence (0008,1115) → Referenced SOP Sequence (0008,1199), with the Retrieve Location
 * UID (0040,E011) and Retrieve URL (0008,1190) of each series (a series URL overrides the study's). Everything taken
 * from the document is checked before use: UIDs must be UIDs, URLs http(s), and the manifest must describe the study
 * it was registered for. A series that says nowhere where it can be retrieved is kept, marked not retrievable, so
 * that only that series is missing rather than the whole study.
 */
public final class KosParser {

    /** SOP Class UID of Key Object Selection Document. */
    public static final String KOS_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.88.59";
    /** More instances than any real study has; a manifest listing more is rejected. */
    public static final int MAX_INSTANCES = 200_000;

    private static final ReadOptions OPTIONS = ReadOptions.DEFAULT.withMaxValueLength(1 << 20)
            .withMaxSequenceDepth(16);

    private KosParser() {
    }

    /**
     * Parses a manifest.
     *
     * @param expectedStudyUid the study it was registered for; null to take the first study of the evidence
     */
    public static StudyManifest parse(InputStream in, String expectedStudyUid) throws IOException {
        return parse(DicomReader.read(in, OPTIONS), expectedStudyUid);
    }

    public static StudyManifest parse(byte[] bytes, String expectedStudyUid) throws IOException {
        return parse(new java.io.ByteArrayInputStream(bytes), expectedStudyUid);
    }

    private static StudyManifest parse(DicomFile file, String expectedStudyUid) throws ManifestException {
        DicomObject ds = file.dataset();
        String sopClass = file.sopClassUid();
        if (!KOS_SOP_CLASS.equals(sopClass)) {
            throw new ManifestException("not a Key Object Selection document (SOP Class " + sopClass + ")");
        }
        List<DicomObject> evidence = ds.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence);
        if (evidence.isEmpty()) {
            throw new ManifestException("manifest has no Current Requested Procedure Evidence Sequence");
        }
        String wanted = expectedStudyUid != null ? expectedStudyUid
                : uid(evidence.getFirst().getString(Tag.StudyInstanceUID), "Study Instance UID");
        Map<String, ManifestSeries> series = new LinkedHashMap<>();
        int count = 0;
        boolean studyFound = false;
        for (DicomObject study : evidence) {
            String studyUid = uid(study.getString(Tag.StudyInstanceUID), "Study Instance UID");
            if (!wanted.equals(studyUid)) {
                continue; // evidence of another study (e.g. a prior) is not part of this one
            }
            studyFound = true;
            URI studyUrl = url(study.getString(Tag.RetrieveURL));
            for (DicomObject s : study.getSequence(Tag.ReferencedSeriesSequence)) {
                String seriesUid = uid(s.getString(Tag.SeriesInstanceUID), "Series Instance UID");
                String location = s.getString(Tag.RetrieveLocationUID);
                location = location == null || location.isBlank() ? null : uid(location, "Retrieve Location UID");
                URI seriesUrl = url(s.getString(Tag.RetrieveURL));
                List<ManifestInstance> instances = new ArrayList<>();
                for (DicomObject ref : s.getSequence(Tag.ReferencedSOPSequence)) {
                    if (++count > MAX_INSTANCES) {
                        throw new ManifestException("manifest lists more than " + MAX_INSTANCES + " instances");
                    }
                    instances.add(new ManifestInstance(uid(ref.getString(Tag.ReferencedSOPClassUID), "SOP Class UID"),
                            uid(ref.getString(Tag.ReferencedSOPInstanceUID), "SOP Instance UID")));
                }
                ManifestSeries previous = series.get(seriesUid);
                if (previous != null) {
                    List<ManifestInstance> merged = new ArrayList<>(previous.instances());
                    merged.addAll(instances);
                    instances = merged;
                }
                // a series the source gave no Retrieve Location UID and no Retrieve URL (e.g. only a Retrieve AE
                // Title, which XCA-I cannot use) stays in the manifest as unavailable: its instances are counted as
                // missing with that reason, and the other series are still retrieved (decision record 25)
                series.put(seriesUid, new ManifestSeries(seriesUid,
                        location != null ? location : previous == null ? null : previous.retrieveLocationUid(),
                        seriesUrl != null ? seriesUrl : studyUrl, instances));
            }
        }
        if (!studyFound) {
            throw new ManifestException("manifest does not describe study " + wanted);
        }
        if (count == 0) {
            throw new ManifestException("manifest references no instances");
        }
        return new StudyManifest(file.sopInstanceUid(), ds.getString(Tag.PatientID, "").strip(),
                ds.getString(Tag.IssuerOfPatientID, "").strip(), wanted,
                List.copyOf(series.values()), PatientIdentifiers.of(ds));
    }

    private static String uid(String s, String what) throws ManifestException {
        String v = s == null ? "" : s.strip();
        if (v.isEmpty() || v.length() > 64 || !v.matches("[0-9]+(\\.[0-9]+)*")) {
            throw new ManifestException("invalid " + what + " in manifest: '" + shorten(v) + "'");
        }
        return v;
    }

    private static URI url(String s) throws ManifestException {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(s.strip());
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                    || u.getRawUserInfo() != null) {
                throw new ManifestException("unusable Retrieve URL in manifest: " + shorten(s));
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ManifestException("malformed Retrieve URL in manifest: " + shorten(s));
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
