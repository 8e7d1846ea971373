package nl.duoviewer.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;
import nl.duoviewer.network.content.ContentSource;
import nl.duoviewer.network.content.StudyContent;

/**
 * The demo network's real content with three levers for tests, all on the server side: hold back every image of a
 * study after its first until the test lets go (so a test can see what the viewer shows while the rest is provably
 * still on the server), serve another study's image in place of a study's own (a source that mixes up objects), and
 * serve other bytes as a report (a damaged or unreadable document).
 */
public final class ControlledContent implements StudyContent, AutoCloseable {

    /** The image to serve instead of another. */
    public record Substitute(DemoStudy study, DemoSeries series) {
    }

    private final StudyContent real;
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, Substitute> substitutes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
    private final Map<String, byte[]> reportBytes = new ConcurrentHashMap<>();

    public ControlledContent(StudyContent real) {
        this.real = real;
    }

    /** Images after the first of this study wait (at most a minute) until {@link #release}. */
    public void holdAfterFirst(String studyUid) {
        held.put(studyUid, new CountDownLatch(1));
    }

    public void release(String studyUid) {
        CountDownLatch latch = held.remove(studyUid);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Every image of {@code studyUid} is served as the first image of the substitute's series. */
    public void substitute(String studyUid, Substitute with) {
        substitutes.put(studyUid, with);
    }

    /** How many images of the study the servers have started to send. */
    public int imagesOpened(String studyUid) {
        AtomicInteger n = opened.get(studyUid);
        return n == null ? 0 : n.get();
    }

    /** The report with this document uid is served as these bytes (a damaged or foreign document). */
    public void replaceReport(String documentUid, byte[] bytes) {
        reportBytes.put(documentUid, bytes.clone());
    }

    /** Back to the plain content: nothing held (waiting servers go on), nothing substituted, counts zero. */
    public void reset() {
        held.keySet().forEach(this::release);
        substitutes.clear();
        opened.clear();
        reportBytes.clear();
    }

    @Override
    public ContentSource manifest(DemoStudy study, Publication publication) {
        return real.manifest(study, publication);
    }

    @Override
    public ContentSource instance(DemoStudy study, DemoSeries series, int index, String transferSyntaxUid) {
        Substitute sub = substitutes.get(study.studyInstanceUid());
        ContentSource source = sub == null ? real.instance(study, series, index, transferSyntaxUid)
                : real.instance(sub.study(), sub.series(), 0, transferSyntaxUid);
        String uid = study.studyInstanceUid();
        return new ContentSource() {
            @Override
            public long length() {
                return source.length();
            }

            @Override
            public InputStream open() throws IOException {
                CountDownLatch latch = held.get(uid);
                if (latch != null && index > 0) {
                    try {
                        if (!latch.await(60, TimeUnit.SECONDS)) {
                            throw new IOException("test never released study " + uid);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                }
                opened.computeIfAbsent(uid, k -> new AtomicInteger()).incrementAndGet();
                return source.open();
            }
        };
    }

    @Override
    public ContentSource report(DemoStudy study, DemoReport report) {
        byte[] replaced = reportBytes.get(report.documentUid());
        if (replaced == null) {
            return real.report(study, report);
        }
        return new ContentSource() {
            @Override
            public long length() {
                return replaced.length;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(replaced);
            }
        };
    }

    @Override
    public List<String> transferSyntaxes(Network network, DemoSeries series) {
        return real.transferSyntaxes(network, series);
    }

    @Override
    public void close() {
        reset();
        if (real instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("closing the demo content failed", e);
            }
        }
    }
}
