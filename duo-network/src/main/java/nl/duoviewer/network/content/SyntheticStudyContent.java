package nl.duoviewer.network.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duoviewer.core.codec.EncodedFrame;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameEncoders;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Fragments;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.network.synthetic.BodyPhantom;
import nl.duoviewer.network.synthetic.CrossSectionRenderer;
import nl.duoviewer.network.synthetic.MammographyRenderer;
import nl.duoviewer.network.synthetic.ProjectionRenderer;
import nl.duoviewer.network.synthetic.SyntheticImage;
import nl.duoviewer.network.synthetic.SyntheticInstance;
import nl.duoviewer.network.synthetic.UltrasoundRenderer;

/**
 * The demo network's real content: every catalogue image is a DICOM object of synthetic anatomy, rendered for its
 * patient (the same patient seed gives the same body across years and institutions), encoded in the transfer syntax
 * the network serves, and cached on disk; reports are written in their registered format (PDF, CDA, DICOM SR or
 * text) by {@link ReportWriters}, in memory.
 *
 * <p>Images are generated on first request, so start-up is instant and only what is viewed costs time; when one
 * instance of a series is requested the next few are rendered ahead on background threads. Files are written
 * atomically, so an interrupted generation never leaves a broken cache entry. Manifests are not produced here: the
 * network always serves them through {@link KosStudyContent}.
 */
public final class SyntheticStudyContent implements StudyContent, AutoCloseable {

    /** Cache layout version: bump when rendering changes so old caches are not served. */
    public static final String VERSION = "v2";

    private static final String ELE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final int PREFETCH = 6;
    private static final Pattern THICKNESS = Pattern.compile("(\\d+\\.\\d+)");

    private final DemoCatalogue catalogue;
    private final Path cacheDir;
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();
    private final ExecutorService prefetch;

    public SyntheticStudyContent(DemoCatalogue catalogue, Path cacheDir) {
        this.catalogue = catalogue;
        this.cacheDir = cacheDir;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(64), r -> {
                    Thread t = new Thread(r, "demo-image-render");
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.prefetch = pool;
    }

    @Override
    public ContentSource manifest(DemoStudy study, Publication publication) {
        throw new UnsupportedOperationException("manifests are served by KosStudyContent");
    }

    @Override
    public ContentSource instance(DemoStudy study, DemoSeries series, int index, String transferSyntaxUid) {
        if (!transferSyntaxes(null, series).contains(transferSyntaxUid) && !ELE.equals(transferSyntaxUid)) {
            throw new IllegalArgumentException(series.modality() + " images cannot be served in " + transferSyntaxUid);
        }
        Path file = cacheFile(study, series, index, transferSyntaxUid);
        return new ContentSource() {
            @Override
            public long length() {
                try {
                    return Files.size(ensure(study, series, index, transferSyntaxUid, file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public InputStream open() throws IOException {
                Path ready = ensure(study, series, index, transferSyntaxUid, file);
                prefetchAfter(study, series, index, transferSyntaxUid);
                return Files.newInputStream(ready);
            }
        };
    }

    @Override
    public ContentSource report(DemoStudy study, DemoReport report) {
        byte[] bytes = ReportWriters.write(patientOf(study), study, report);
        return new ContentSource() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(bytes);
            }
        };
    }

    /** The network's usual syntaxes that can hold the image (JPEG baseline is 8-bit only), then Explicit VR LE. */
    @Override
    public List<String> transferSyntaxes(Network network, DemoSeries series) {
        List<String> out = new ArrayList<>();
        List<String> preferred = network == null ? List.copyOf(FrameEncoders.supportedTransferSyntaxes())
                : network.nativeSyntaxes();
        for (String ts : preferred) {
            boolean eightBitOnly = TransferSyntax.JPEG_BASELINE.equals(ts);
            if (!ELE.equals(ts) && (!eightBitOnly || bitsStored(series.modality()) == 8)) {
                out.add(ts);
            }
        }
        out.add(ELE);
        return out;
    }

    private static int bitsStored(String modality) {
        return "US".equals(modality) ? 8 : 12;
    }

    @Override
    public void close() {
        prefetch.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ cache

    private Path cacheFile(DemoStudy study, DemoSeries series, int index, String ts) {
        return cacheDir.resolve(study.studyInstanceUid()).resolve(series.number() + "-" + (index + 1) + "-"
                + ts.replace("1.2.840.10008.1.2", "ts") + ".dcm");
    }

    private Path ensure(DemoStudy study, DemoSeries series, int index, String ts, Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        synchronized (locks.computeIfAbsent(file, f -> new Object())) {
            try {
                if (!Files.isRegularFile(file)) {
                    Files.createDirectories(file.getParent());
                    DicomWriter.write(encode(render(study, series, index), ts), ts, file);
                }
            } finally {
                locks.remove(file);
            }
        }
        return file;
    }

    private void prefetchAfter(DemoStudy study, DemoSeries series, int index, String ts) {
        for (int next = index + 1; next <= Math.min(series.instanceCount() - 1, index + PREFETCH); next++) {
            Path file = cacheFile(study, series, next, ts);
            if (Files.isRegularFile(file) || locks.containsKey(file)) {
                continue;
            }
            int i = next;
            try {
                prefetch.execute(() -> {
                    try {
                        ensure(study, series, i, ts, file);
                    } catch (IOException | RuntimeException e) {
                        // the request itself will generate it again and report the error to its caller
                    }
                });
            } catch (RejectedExecutionException e) {
                return; // closed: the network is stopping
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ rendering

    private DemoPatient patientOf(DemoStudy study) {
        return catalogue.patientOfStudy(study.studyInstanceUid())
                .orElseThrow(() -> new IllegalArgumentException("study " + study.studyInstanceUid()
                        + " is not in the catalogue"));
    }

    /** The native DICOM object for one catalogue instance. */
    DicomObject render(DemoStudy study, DemoSeries series, int index) {
        DemoPatient patient = patientOf(study);
        long patientSeed = patient.bsn().value().hashCode() * 0x9E3779B97F4A7C15L;
        long imageSeed = series.instanceUid(index).hashCode() * 0xC2B2AE3D27D4EB4FL + index;
        String family = patient.familyName();
        SyntheticInstance.Identity id = new SyntheticInstance.Identity(family + "^" + patient.givenName(),
                patient.bsn().value(), nl.duoviewer.core.patient.Bsn.OID, patient.birthDate(), patient.sex(),
                study.studyInstanceUid(), study.dateTime(), study.description(), study.accessionNumber(),
                study.institution().name(), series.seriesInstanceUid(), series.number(), series.description(),
                series.modality(), dicomBodyPart(study.bodyPart()), series.instanceUid(index), index + 1);
        Anatomy anatomy = Anatomy.of(study.bodyPart());
        boolean contrast = study.description().toLowerCase(Locale.ROOT).contains("contrast")
                || series.description().toLowerCase(Locale.ROOT).contains("post-contrast");
        SyntheticImage image;
        DicomObject ds;
        switch (series.modality()) {
            case "CT" -> {
                BodyPhantom phantom = BodyPhantom.create(anatomy.region(), patientSeed, contrast);
                if (series.description().startsWith("Topogram")) {
                    image = ProjectionRenderer.project(phantom, anatomy.zTop(), anatomy.height(), index == 1, 512,
                            512, false, imageSeed);
                    ds = SyntheticInstance.create(id, image);
                    ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "LOCALIZER");
                } else {
                    double spacing = anatomy.height() / series.instanceCount();
                    double z = anatomy.zTop() - (index + 0.5) * spacing;
                    image = CrossSectionRenderer.ct(phantom, z, thickness(series.description(), spacing), imageSeed);
                    ds = SyntheticInstance.create(id, image);
                }
            }
            case "MR" -> {
                BodyPhantom phantom = BodyPhantom.create(anatomy.region(), patientSeed, contrast);
                double top = anatomy.region() == BodyPhantom.Region.HEAD ? 170 : anatomy.zTop();
                double height = anatomy.region() == BodyPhantom.Region.HEAD ? 150 : anatomy.height();
                double spacing = height / series.instanceCount();
                double z = top - (index + 0.5) * spacing;
                CrossSectionRenderer.Weighting w = series.description().contains("T1")
                        ? CrossSectionRenderer.Weighting.T1 : CrossSectionRenderer.Weighting.T2;
                image = CrossSectionRenderer.mr(phantom, z, Math.min(5, spacing), w, imageSeed);
                ds = SyntheticInstance.create(id, image);
            }
            case "CR", "DX" -> {
                BodyPhantom phantom = BodyPhantom.create(anatomy.region(), patientSeed, false);
                boolean chest = anatomy == Anatomy.THORAX;
                image = ProjectionRenderer.project(phantom, anatomy.zTop(), anatomy.height(),
                        series.description().startsWith("Lat"), chest ? 2048 : 1536, chest ? 2048 : 1280,
                        "CR".equals(series.modality()), imageSeed);
                ds = SyntheticInstance.create(id, image);
                ds.setString(Tag.ViewPosition, VR.CS, series.description().startsWith("Lat") ? "LL" : "AP");
            }
            case "US" -> {
                image = UltrasoundRenderer.frame(patientSeed, index, series.instanceCount(), imageSeed);
                ds = SyntheticInstance.create(id, image);
            }
            case "MG" -> {
                boolean left = series.description().startsWith("L");
                MammographyRenderer.View view = series.description().contains("MLO") ? MammographyRenderer.View.MLO
                        : MammographyRenderer.View.CC;
                image = MammographyRenderer.render(view, left, patientSeed, imageSeed);
                ds = SyntheticInstance.create(id, image);
                ds.setString(Tag.ImageLaterality, VR.CS, left ? "L" : "R");
                ds.setString(Tag.ViewPosition, VR.CS, view.name());
            }
            default -> throw new IllegalArgumentException("no generator for modality " + series.modality());
        }
        if (ds.contains(Tag.FrameOfReferenceUID)) {
            ds.setString(Tag.FrameOfReferenceUID, VR.UI, series.frameOfReferenceUid()); // shared by a follow-up pair
        }
        return ds;
    }

    private static double thickness(String description, double spacing) {
        Matcher m = THICKNESS.matcher(description);
        return m.find() ? Double.parseDouble(m.group(1)) : Math.max(0.5, spacing);
    }

    private static String dicomBodyPart(String dutch) {
        return Anatomy.of(dutch).dicomCode();
    }

    /** Re-encodes the native object's single frame into the served transfer syntax. */
    static DicomObject encode(DicomObject ds, String ts) throws IOException {
        if (ELE.equals(ts)) {
            return ds;
        }
        int rows = ds.getInt(Tag.Rows, 0);
        int columns = ds.getInt(Tag.Columns, 0);
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 16);
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        ImageDescriptor d = ImageDescriptor.monochrome(rows, columns, bitsAllocated, bitsStored, false, 1, ELE);
        byte[] pixels = ds.getBytes(Tag.PixelData);
        EncodedFrame frame;
        try {
            frame = FrameEncoders.encodeNative(d, ByteBuffer.wrap(pixels), ts);
        } catch (FrameDecodeException e) {
            throw new IOException("cannot encode a generated image in " + ts + ": " + e.getMessage(), e);
        }
        DicomObject out = new DicomObject(ds.size());
        out.addAll(ds);
        out.setFragments(Tag.PixelData, VR.OB, Fragments.ofFrames(List.of(frame.data())));
        if (frame.lossy()) {
            out.setString(Tag.LossyImageCompression, VR.CS, "01");
            out.setDouble(Tag.LossyImageCompressionRatio, VR.DS, (double) pixels.length / frame.data().length);
            out.setString(Tag.LossyImageCompressionMethod, VR.CS,
                    TransferSyntax.JPEG_BASELINE.equals(ts) ? "ISO_10918_1" : TransferSyntax.JPEG_2000.equals(ts)
                            ? "ISO_15444_1" : "ISO_14495_1");
        }
        return out;
    }
}
