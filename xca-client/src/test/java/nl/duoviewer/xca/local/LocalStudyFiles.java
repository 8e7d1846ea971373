package nl.duoviewer.xca.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.dicom.VR;

/**
 * Small real DICOM objects as a hospital PACS holds them: a native 16-bit CT-like image (a ramp, so it renders as
 * more than a flat frame) filed under a Patient ID, an Issuer of Patient ID and, when the PACS keeps it there, the BSN
 * in Other Patient IDs. For loading Orthanc in the local-studies tests.
 */
public final class LocalStudyFiles {

    /** Other Patient IDs (0010,1000), where a PACS that files under its own number keeps the BSN. */
    static final int OTHER_PATIENT_IDS = 0x00101000;
    private static final int SIZE = 64;

    private LocalStudyFiles() {
    }

    /**
     * One study's identification.
     *
     * @param patientId   Patient ID
     * @param issuer      Issuer of Patient ID, empty for none
     * @param otherIds    Other Patient IDs, empty for none
     * @param studyUid    Study Instance UID
     * @param date        Study Date yyyyMMdd
     * @param modality    e.g. CT
     * @param description Study Description
     */
    public record Study(String patientId, String issuer, String otherIds, String studyUid, String date,
                        String modality, String description) {
    }

    /** Instance {@code n} (from 1) of series {@code s} (from 1) of the study, as a Part-10 file. */
    public static byte[] instance(Study study, int s, int n) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopUid(study, s, n));
        ds.setString(Tag.StudyDate, VR.DA, study.date());
        ds.setString(Tag.StudyTime, VR.TM, "101500");
        ds.setString(Tag.Modality, VR.CS, study.modality());
        ds.setString(Tag.StudyDescription, VR.LO, study.description());
        ds.setString(Tag.PatientName, VR.PN, "Lokaal^Test");
        ds.setString(Tag.PatientID, VR.LO, study.patientId());
        if (!study.issuer().isEmpty()) {
            ds.setString(Tag.IssuerOfPatientID, VR.LO, study.issuer());
        }
        if (!study.otherIds().isEmpty()) {
            ds.setString(OTHER_PATIENT_IDS, VR.LO, study.otherIds());
        }
        ds.setString(Tag.StudyInstanceUID, VR.UI, study.studyUid());
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid(study, s));
        ds.setInt(Tag.SeriesNumber, VR.IS, s);
        ds.setInt(Tag.InstanceNumber, VR.IS, n);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, SIZE);
        ds.setInt(Tag.Columns, VR.US, SIZE);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[SIZE * SIZE * 2];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int v = (x * 61 + y * 3 + n * 100) & 0xFFF;
                int at = 2 * (y * SIZE + x);
                pixels[at] = (byte) v;
                pixels[at + 1] = (byte) (v >> 8);
            }
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String seriesUid(Study study, int s) {
        return study.studyUid() + ".9" + s;
    }

    public static String sopUid(Study study, int s, int n) {
        return seriesUid(study, s) + "." + n;
    }
}
