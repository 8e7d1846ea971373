package nl.duoviewer.core.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed DICOM object: File Meta Information (absent for bare datasets), the dataset, the transfer syntax it was
 * encoded in, its pixel data when present, and what the reader had to tolerate.
 */
public final class DicomFile {

    private final DicomObject fileMetaInformation;
    private final DicomObject dataset;
    private final TransferSyntax transferSyntax;
    private final PixelData pixelData;
    private final List<String> warnings;
    private final Path source;

    DicomFile(DicomObject fileMetaInformation, DicomObject dataset, TransferSyntax transferSyntax,
              PixelData pixelData, List<String> warnings, Path source) {
        this.fileMetaInformation = fileMetaInformation;
        this.dataset = dataset;
        this.transferSyntax = transferSyntax;
        this.pixelData = pixelData;
        this.warnings = List.copyOf(warnings);
        this.source = source;
    }

    /** Group 0002, or null when the input was a bare dataset. */
    public DicomObject fileMetaInformation() {
        return fileMetaInformation;
    }

    public DicomObject dataset() {
        return dataset;
    }

    /** The syntax the dataset was actually read in (detected when the meta information lacked or misstated it). */
    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    /** The pixel data, or null when the object has none (or the read stopped before it). */
    public PixelData pixelData() {
        return pixelData;
    }

    /** Deviations from the standard the reader tolerated, in plain words; empty for a clean file. */
    public List<String> warnings() {
        return warnings;
    }

    /** The file it was read from, or null for streams. */
    public Path source() {
        return source;
    }

    public String sopClassUid() {
        String uid = dataset.getString(Tag.SOPClassUID);
        return uid != null || fileMetaInformation == null ? uid
                : fileMetaInformation.getString(Tag.MediaStorageSOPClassUID);
    }

    public String sopInstanceUid() {
        String uid = dataset.getString(Tag.SOPInstanceUID);
        return uid != null || fileMetaInformation == null ? uid
                : fileMetaInformation.getString(Tag.MediaStorageSOPInstanceUID);
    }
}
