package nl.duoviewer.network.synthetic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;

/**
 * Builds complete DICOM image objects (patient, study, series, equipment, image plane, pixel and VOI modules) from
 * {@link SyntheticImage}s, so that the embedded network serves the same kind of objects a hospital PACS would.
 */
public final class SyntheticInstance {

    /** SOP Classes of the generated objects, by modality. */
    public static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    public static final String CR_IMAGE = "1.2.840.10008.5.1.4.1.1.1";
    public static final String DX_IMAGE = "1.2.840.10008.5.1.4.1.1.1.1";
    public static final String MG_IMAGE = "1.2.840.10008.5.1.4.1.1.1.2";
    public static final String US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1";
    public static final String US_IMAGE = "1.2.840.10008.5.1.4.1.1.6.1";

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    /**
     * What identifies an instance: patient, study, series and instance attributes. Names use the DICOM PN form
     * (Family^Given).
     */
    public record Identity(String patientName, String patientId, String issuerOfPatientId, LocalDate birthDate,
                           String sex, String studyInstanceUid, LocalDateTime studyDateTime, String studyDescription,
                           String accessionNumber, String institutionName, String seriesInstanceUid,
                           int seriesNumber, String seriesDescription, String modality, String bodyPart,
                           String sopInstanceUid, int instanceNumber) {
        public Identity {
            Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
            Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(modality, "modality");
        }
    }

    private SyntheticInstance() {
    }

    /** The SOP Class for a modality's generated images. */
    public static String sopClassFor(String modality, boolean multiFrame) {
        return switch (modality) {
            case "CT" -> CT_IMAGE;
            case "MR" -> MR_IMAGE;
            case "CR" -> CR_IMAGE;
            case "DX" -> DX_IMAGE;
            case "MG" -> MG_IMAGE;
            case "US" -> multiFrame ? US_MULTIFRAME : US_IMAGE;
            default -> throw new IllegalArgumentException("no generator for modality " + modality);
        };
    }

    /**
     * A native (uncompressed) image object; the caller encodes it in the transfer syntax it serves.
     *
     * @param frames one image for single-frame objects, several for a cine loop (all the same size)
     */
    public static DicomObject create(Identity id, SyntheticImage... frames) {
        SyntheticImage img = frames[0];
        DicomObject ds = new DicomObject(64);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", id.modality().equals("CT") ? "AXIAL" : "");
        ds.setString(Tag.SOPClassUID, VR.UI, sopClassFor(id.modality(), frames.length > 1));
        ds.setString(Tag.SOPInstanceUID, VR.UI, id.sopInstanceUid());
        LocalDateTime when = id.studyDateTime();
        ds.setString(Tag.StudyDate, VR.DA, when.format(DA));
        ds.setString(Tag.SeriesDate, VR.DA, when.format(DA));
        ds.setString(Tag.ContentDate, VR.DA, when.format(DA));
        ds.setString(Tag.StudyTime, VR.TM, when.format(TM));
        ds.setString(Tag.SeriesTime, VR.TM, when.plusMinutes(id.seriesNumber()).format(TM));
        ds.setString(Tag.ContentTime, VR.TM, when.plusMinutes(id.seriesNumber()).format(TM));
        ds.setString(Tag.AccessionNumber, VR.SH, id.accessionNumber());
        ds.setString(Tag.Modality, VR.CS, id.modality());
        ds.setString(Tag.ConversionType, VR.CS, "");
        ds.setString(Tag.Manufacturer, VR.LO, "DUO Viewer synthetic");
        ds.setString(Tag.InstitutionName, VR.LO, id.institutionName());
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "");
        ds.setString(Tag.StudyDescription, VR.LO, id.studyDescription());
        ds.setString(Tag.SeriesDescription, VR.LO, id.seriesDescription());
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Phantom " + id.modality());
        ds.setString(Tag.PatientName, VR.PN, id.patientName());
        ds.setString(Tag.PatientID, VR.LO, id.patientId());
        if (id.issuerOfPatientId() != null) {
            ds.setString(Tag.IssuerOfPatientID, VR.LO, id.issuerOfPatientId());
        }
        ds.setString(Tag.PatientBirthDate, VR.DA, id.birthDate() == null ? "" : id.birthDate().format(DA));
        ds.setString(Tag.PatientSex, VR.CS, id.sex());
        ds.setString(Tag.BodyPartExamined, VR.CS, id.bodyPart());
        if (img.sliceThicknessMm() > 0) {
            ds.setDouble(Tag.SliceThickness, VR.DS, img.sliceThicknessMm());
        }
        ds.setString(Tag.StudyInstanceUID, VR.UI, id.studyInstanceUid());
        ds.setString(Tag.SeriesInstanceUID, VR.UI, id.seriesInstanceUid());
        ds.setString(Tag.StudyID, VR.SH, id.accessionNumber().length() > 16 ? id.accessionNumber().substring(0, 16)
                : id.accessionNumber());
        ds.setInt(Tag.SeriesNumber, VR.IS, id.seriesNumber());
        ds.setInt(Tag.InstanceNumber, VR.IS, id.instanceNumber());
        if (img.positionMm() != null) {
            ds.setDouble(Tag.ImagePositionPatient, VR.DS, img.positionMm());
            ds.setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            ds.setString(Tag.FrameOfReferenceUID, VR.UI, nl.duoviewer.core.dicom.Uids.fromName(
                    "for:" + id.seriesInstanceUid()));
            ds.setDouble(Tag.SliceLocation, VR.DS, img.sliceLocation());
        } else {
            ds.setString(Tag.PatientOrientation, VR.CS, "L", "F");
        }
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, img.photometric());
        if (frames.length > 1) {
            ds.setInt(Tag.NumberOfFrames, VR.IS, frames.length);
            ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
            ds.setDouble(Tag.FrameTime, VR.DS, 66.7);
        }
        ds.setInt(Tag.Rows, VR.US, img.rows());
        ds.setInt(Tag.Columns, VR.US, img.columns());
        if (!"DX".equals(id.modality()) && !"US".equals(id.modality())) {
            // DX states only the detector's spacing and US none (its regions are not modelled), so the demo shows
            // lengths in mm, in mm at the detector and in px
            ds.setDouble(Tag.PixelSpacing, VR.DS, img.pixelSpacingMm(), img.pixelSpacingMm());
        }
        ds.setInt(Tag.BitsAllocated, VR.US, img.bitsAllocated());
        ds.setInt(Tag.BitsStored, VR.US, img.bitsStored());
        ds.setInt(Tag.HighBit, VR.US, img.bitsStored() - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        if (("DX".equals(id.modality()) || "CR".equals(id.modality())) && img.windowCenter().length == 1) {
            projectionVois(ds, img.windowCenter()[0], img.windowWidth()[0], img.bitsStored());
        } else {
            ds.setDouble(Tag.WindowCenter, VR.DS, img.windowCenter());
            ds.setDouble(Tag.WindowWidth, VR.DS, img.windowWidth());
        }
        if ("CT".equals(id.modality())) {
            ds.setDouble(Tag.RescaleIntercept, VR.DS, img.rescaleIntercept());
            ds.setDouble(Tag.RescaleSlope, VR.DS, 1);
            ds.setString(Tag.RescaleType, VR.LO, "HU");
        }
        if ("MG".equals(id.modality()) || "DX".equals(id.modality())) {
            ds.setString(Tag.PresentationIntentType, VR.CS, "FOR PRESENTATION");
        }
        if ("DX".equals(id.modality()) || "CR".equals(id.modality())) {
            ds.setString(Tag.ViewPosition, VR.CS, "PA");
            ds.setDouble(Tag.ImagerPixelSpacing, VR.DS, img.pixelSpacingMm(), img.pixelSpacingMm());
        }
        ds.setString(Tag.LossyImageCompression, VR.CS, "00");
        byte[] pixels;
        if (frames.length == 1) {
            pixels = img.pixelBytes();
        } else {
            int frameBytes = img.pixelBytes().length;
            pixels = new byte[frameBytes * frames.length];
            for (int f = 0; f < frames.length; f++) {
                System.arraycopy(frames[f].pixelBytes(), 0, pixels, f * frameBytes, frameBytes);
            }
        }
        ds.setBytes(Tag.PixelData, img.bitsAllocated() == 8 ? VR.OB : VR.OW, pixels);
        return ds;
    }

    /**
     * What projection radiographs commonly carry: two windows with explanations and a VOI LUT Sequence table (here a
     * sigmoid over the standard window, as modalities ship for a softer look), so the viewer's choice of the source's
     * windows and tables has something to offer.
     */
    private static void projectionVois(DicomObject ds, double center, double width, int bitsStored) {
        ds.setDouble(Tag.WindowCenter, VR.DS, center, center);
        ds.setDouble(Tag.WindowWidth, VR.DS, width, Math.round(width * 1.6));
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "STANDARD", "WIDE");
        int entries = 1 << bitsStored;
        int max = entries - 1;
        byte[] lut = new byte[2 * entries];
        for (int i = 0; i < entries; i++) {
            int v = (int) Math.round(max / (1 + Math.exp(-4 * (i - center) / width)));
            lut[2 * i] = (byte) v;
            lut[2 * i + 1] = (byte) (v >> 8);
        }
        DicomObject item = ds.newSequence(Tag.VOILUTSequence).addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, entries, 0, bitsStored);
        item.setBytes(Tag.LUTData, VR.OW, lut);
        item.setString(Tag.LUTExplanation, VR.LO, "SIGMOID CONTRAST");
    }
}
