package nl.duoviewer.xca.wado.orthanc;

import java.io.IOException;
import java.nio.file.Path;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.image.ImageDescriptor;

/** A corpus file uploaded to the peer, as our parser reads it: the reference for what comes back. */
record CorpusSample(String name, Path file, DicomFile dicom) {

    static CorpusSample read(String name, Path file) throws IOException {
        return new CorpusSample(name, file, DicomReader.read(file));
    }

    String studyUid() {
        return dicom.dataset().getString(Tag.StudyInstanceUID).strip();
    }

    String seriesUid() {
        return dicom.dataset().getString(Tag.SeriesInstanceUID).strip();
    }

    String sopUid() {
        return dicom.sopInstanceUid();
    }

    String transferSyntax() {
        return dicom.transferSyntax().uid();
    }

    ImageDescriptor descriptor() {
        return DicomFrameSource.of(dicom).descriptor();
    }

    int frames() {
        return DicomFrameSource.of(dicom).frameCount();
    }

    @Override
    public String toString() {
        return name;
    }
}
