package nl.duoviewer.bench.scroll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomStream;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.ReadOptions;
import nl.duoviewer.core.dicom.Uids;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.ImageAttributes;
import nl.duoviewer.core.timeline.DocumentLocator;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.StudyRecord;
import nl.duoviewer.network.synthetic.BodyPhantom;
import nl.duoviewer.network.synthetic.CrossSectionRenderer;
import nl.duoviewer.network.synthetic.SyntheticImage;
import nl.duoviewer.network.synthetic.SyntheticInstance;

/**
 * The stack the scroll benchmark reads: an axial CT series of 512 x 512 16-bit slices through the synthetic body
 * phantom (12 bits stored, intercept -1024, as CT stores them), one DICOM instance per slice, written as Part-10 and
 * read and decoded the way a retrieved study is (DicomStream, the viewer's {@link FramePipeline}), so the frames the
 * viewer scrolls through are the ones it would hold.
 */
final class CtStack {

    static final Bsn PATIENT = Bsn.parse("999999011");
    static final String STUDY = Uids.fromName("bench:scroll:study");
    static final String SERIES = Uids.fromName("bench:scroll:series");
    private static final long SEED = 20261123L;

    private CtStack() {
    }

    /** The timeline record of the stack's study. */
    static StudyRecord record() {
        SourceInstitution source = new SourceInstitution("Benchmark", "00000001", "urn:oid:1.2.3.4.5");
        return new StudyRecord(STUDY, PATIENT, LocalDateTime.of(2026, 1, 1, 12, 0), Set.of("CT"), "CHEST",
                "CT thorax (scroll benchmark)", "BENCH1", source,
                new DocumentLocator(source.homeCommunityId(), "1.2.3.4.5.6", STUDY + ".kos", "application/dicom"));
    }

    /** Renders, encodes and decodes {@code slices} slices; the decoded frames in slice order. */
    static List<DecodedFrame> decode(int slices, FramePipeline pipeline) throws IOException, InterruptedException {
        BodyPhantom trunk = BodyPhantom.create(BodyPhantom.Region.TRUNK, SEED, true);
        List<DecodedFrame> frames = new ArrayList<>(slices);
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(slices);
        FramePipeline.Job job = pipeline.newJob();
        double z0 = -250;
        double z1 = 250;
        double thickness = (z1 - z0) / slices;
        for (int i = 0; i < slices; i++) {
            SyntheticImage slice = CrossSectionRenderer.ct(trunk, z0 + (z1 - z0) * i / (slices - 1), thickness,
                    SEED * 1000 + i);
            DicomObject ds = SyntheticInstance.create(identity(i + 1), slice);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(600 << 10);
            DicomWriter.write(ds, nl.duoviewer.core.dicom.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, bytes);
            try (InputStream in = new ByteArrayInputStream(bytes.toByteArray());
                 DicomStream stream = DicomStream.open(in, ReadOptions.DEFAULT)) {
                ImageAttributes image = ImageAttributes.of(stream.dataset(), stream.transferSyntax(), i + 1, slices);
                ByteBuffer frame = stream.nextFrame();
                job.submit(image, frame, 0, outcome -> {
                    if (outcome instanceof FramePipeline.Outcome.Decoded d) {
                        synchronized (frames) {
                            frames.add(d.frame());
                        }
                    } else {
                        failure.compareAndSet(null, outcome.toString());
                    }
                    done.countDown();
                });
            }
        }
        if (!done.await(10, TimeUnit.MINUTES) || failure.get() != null) {
            throw new IOException("the stack did not decode: " + failure.get());
        }
        frames.sort(java.util.Comparator.comparingInt(DecodedFrame::instanceNumber));
        GrayscalePixels first = (GrayscalePixels) frames.getFirst().pixels();
        if (first.width() != 512 || first.height() != 512) {
            throw new IllegalStateException("expected 512 x 512 slices, got " + first.width() + " x "
                    + first.height());
        }
        return frames;
    }

    private static SyntheticInstance.Identity identity(int instance) {
        return new SyntheticInstance.Identity("Benchmark^Scroll", PATIENT.value(), null, LocalDate.of(1961, 3, 14),
                "M", STUDY, LocalDateTime.of(2026, 1, 1, 12, 0), "CT thorax (scroll benchmark)", "BENCH1",
                "Benchmark", SERIES, 2, "Thorax 1 mm", "CT", "CHEST", Uids.fromName("bench:scroll:" + instance),
                instance);
    }
}
