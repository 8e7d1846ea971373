package nl.duoviewer.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.testing.RecordingListener;
import nl.duoviewer.app.testing.Records;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.xca.retrieve.RetrievedInstance;

/**
 * One study load fed object by object as the retriever does, without a network: frames of a multi-frame object are
 * shown as their bytes arrive, and what does not belong on screen never reaches the listener.
 */
class StudyImageLoadTest {

    static final Bsn PATIENT = Records.PATIENT_A;
    static final String STUDY = "1.2.826.0.1.3680043.10.1234.1";
    static final int SIZE = 64;
    static final int FRAMES = 4;

    final FramePipeline pool = new FramePipeline(2, 4, FramePipeline.DEFAULT_WAITING_BYTES);

    @AfterEach
    void close() {
        pool.close();
    }

    static TimelineEntry entry() {
        Timeline t = new Timeline(PATIENT);
        t.addAll(List.of(Records.study(PATIENT, STUDY, "2025-01-02T10:00", "XA", "HEART", "Coronair",
                Records.ERASMUS)), List.of());
        return t.snapshot().entries().getFirst();
    }

    /** A native 16-bit multi-frame object; frame f is a ramp offset by 1000 f. */
    static byte[] multiFrame(String patientId, String studyUid) throws Exception {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.12.1");
        ds.setString(Tag.SOPInstanceUID, VR.UI, studyUid + ".1.1");
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, studyUid + ".1");
        ds.setString(Tag.Modality, VR.CS, "XA");
        ds.setInt(Tag.SeriesNumber, VR.IS, 1);
        ds.setInt(Tag.InstanceNumber, VR.IS, 1);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.NumberOfFrames, VR.IS, FRAMES);
        ds.setInt(Tag.Rows, VR.US, SIZE);
        ds.setInt(Tag.Columns, VR.US, SIZE);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 16);
        ds.setInt(Tag.HighBit, VR.US, 15);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[FRAMES * SIZE * SIZE * 2];
        for (int f = 0; f < FRAMES; f++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                int v = 1000 * f + i;
                int at = 2 * (f * SIZE * SIZE + i);
                pixels[at] = (byte) v;
                pixels[at + 1] = (byte) (v >> 8);
            }
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out);
        return out.toByteArray();
    }

    static RetrievedInstance meta() {
        return new RetrievedInstance(STUDY, STUDY + ".1", STUDY + ".1.1", "application/dicom", "urn:oid:1.2.3");
    }

    @Test
    void theFirstFrameShowsWhileTheRestOfTheObjectIsStillComingIn() throws Exception {
        byte[] object = multiFrame(PATIENT.value(), STUDY);
        int frameBytes = SIZE * SIZE * 2;
        int upToFrameTwo = object.length - (FRAMES - 1) * frameBytes;
        RecordingListener listener = new RecordingListener();
        StudyImageLoad load = new StudyImageLoad(entry(), listener, pool);
        PipedOutputStream wire = new PipedOutputStream();
        PipedInputStream received = new PipedInputStream(wire, object.length);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                load.accept(meta(), received);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });

        wire.write(object, 0, upToFrameTwo); // header and the first frame only
        wire.flush();
        listener.awaitFirstFrame(10);
        assertEquals(1, listener.frames().size(), "only the frame that has arrived");
        DecodedFrame first = listener.frames().getFirst();
        assertEquals(1, first.frameNumber());
        assertEquals(0, ((GrayscalePixels) first.pixels()).storedAt(0));

        wire.write(object, upToFrameTwo, object.length - upToFrameTwo);
        wire.close();
        reading.get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.frames().size() < FRAMES && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(1, 2, 3, 4), listener.frames().stream().map(DecodedFrame::frameNumber).sorted()
                .toList());
        for (DecodedFrame f : listener.frames()) {
            assertEquals(1000 * (f.frameNumber() - 1), ((GrayscalePixels) f.pixels()).storedAt(0));
        }
        assertTrue(listener.events().contains(new RecordingListener.Progress(1, 0)), "the object counted as done");
    }

    @Test
    void anObjectOfAnotherPatientStopsTheLoadBeforeAnyPixelIsDecoded() throws Exception {
        RecordingListener listener = new RecordingListener();
        StudyImageLoad load = new StudyImageLoad(entry(), listener, pool);
        byte[] foreign = multiFrame("999990007", STUDY);
        assertThrows(InterruptedIOException.class,
                () -> load.accept(meta(), new ByteArrayInputStream(foreign)));
        // whatever comes after is refused at once
        assertThrows(InterruptedIOException.class,
                () -> load.accept(meta(), new ByteArrayInputStream(multiFrame(PATIENT.value(), STUDY))));
        assertEquals(List.of(), listener.frames());
    }

    @Test
    void somethingThatIsNotDicomIsSkippedAndTheNextObjectStillShows() throws Exception {
        RecordingListener listener = new RecordingListener();
        StudyImageLoad load = new StudyImageLoad(entry(), listener, pool);
        load.accept(meta(), new ByteArrayInputStream("<html>502 Bad Gateway</html>".getBytes()));
        load.accept(meta(), new ByteArrayInputStream(multiFrame(PATIENT.value(), STUDY)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.frames().size() < FRAMES && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(FRAMES, listener.frames().size());
        assertInstanceOf(RecordingListener.Progress.class, listener.events().getFirst(),
                "the unreadable object is counted, not shown");
    }

    @Test
    void aFrameThatCannotBeDecodedEndsTheLoadWithATypedReasonNamingItsSyntax() throws Exception {
        byte[] object = multiFrame(PATIENT.value(), STUDY);
        int lastFrame = SIZE * SIZE * 2;
        // cut the object inside its last frame: the frames before are shown, the last one is counted as a problem
        byte[] cut = java.util.Arrays.copyOf(object, object.length - lastFrame / 2);
        RecordingListener listener = new RecordingListener();
        StudyImageLoad load = new StudyImageLoad(entry(), listener, pool);
        load.accept(meta(), new ByteArrayInputStream(cut));
        load.retrievalEnded(null, null);
        RecordingListener.Failed end = assertInstanceOf(RecordingListener.Failed.class, listener.awaitEnd(10));
        assertEquals(new LoadFailure.DecodeFailed(1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), end.reason());
        assertEquals(FRAMES - 1, listener.frames().size());
    }

    @Test
    void fromTheHospitalsPacsTheObjectsMustCarryTheHospitalNumberNotJustAnyId() throws Exception {
        SourceInstitution pacs = SourceInstitution.local("Radiologie (PACS)", "");
        RecordingListener listener = new RecordingListener();
        StudyImageLoad load = new StudyImageLoad(entry(), pacs, "Z1234", listener, pool);
        load.accept(meta(), new ByteArrayInputStream(multiFrame("Z1234", STUDY)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.frames().size() < FRAMES && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(FRAMES, listener.frames().size(), "the patient's own number is accepted");

        RecordingListener second = new RecordingListener();
        StudyImageLoad other = new StudyImageLoad(entry(), pacs, "Z1234", second, pool);
        assertThrows(InterruptedIOException.class,
                () -> other.accept(meta(), new ByteArrayInputStream(multiFrame("Z9999", STUDY))));
        assertEquals(List.of(), second.frames(), "another hospital number is another patient");
    }
}
