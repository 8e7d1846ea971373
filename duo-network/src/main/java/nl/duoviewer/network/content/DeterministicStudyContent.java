package nl.duoviewer.network.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;

/**
 * Test content: for every document a fixed pseudo-random byte sequence derived from its UID (and transfer syntax),
 * with a readable header naming what it is. Not DICOM: it exists so that retrieval can be checked byte for byte
 * until real DICOM generation replaces it behind {@link StudyContent}. Bytes are generated while streaming.
 */
public final class DeterministicStudyContent implements StudyContent {

    private final int minInstanceBytes;
    private final int maxInstanceBytes;

    /** Instances between 4 and 48 KiB. */
    public DeterministicStudyContent() {
        this(4 * 1024, 48 * 1024);
    }

    public DeterministicStudyContent(int minInstanceBytes, int maxInstanceBytes) {
        this.minInstanceBytes = minInstanceBytes;
        this.maxInstanceBytes = maxInstanceBytes;
    }

    @Override
    public ContentSource manifest(DemoStudy study, Publication publication) {
        return generated("KOS " + study.studyInstanceUid() + " " + publication.kosDocumentUid(), 2048);
    }

    @Override
    public ContentSource instance(DemoStudy study, DemoSeries series, int index, String transferSyntaxUid) {
        String uid = series.instanceUid(index);
        long seed = mix(uid + "|" + transferSyntaxUid);
        int size = minInstanceBytes + (int) Math.floorMod(seed, (long) (maxInstanceBytes - minInstanceBytes + 1));
        return generated("IMAGE " + uid + " TS " + transferSyntaxUid, size);
    }

    @Override
    public ContentSource report(DemoStudy study, DemoReport report) {
        return generated("REPORT " + report.documentUid(), 1024);
    }

    @Override
    public List<String> transferSyntaxes(Network network, DemoSeries series) {
        List<String> out = new ArrayList<>(network.nativeSyntaxes());
        if (!out.contains(Network.EXPLICIT_LE)) {
            out.add(Network.EXPLICIT_LE);
        }
        return out;
    }

    /** The header text followed by pseudo-random bytes, {@code bodyBytes} long after the header. */
    private static ContentSource generated(String label, int bodyBytes) {
        byte[] header = ("DUO-DEMO " + label + "\n").getBytes(StandardCharsets.US_ASCII);
        long seed = mix(label);
        return new ContentSource() {
            @Override
            public long length() {
                return header.length + (long) bodyBytes;
            }

            @Override
            public InputStream open() {
                return new SequenceInputStream(new ByteArrayInputStream(header), new RandomBytes(seed, bodyBytes));
            }
        };
    }

    private static long mix(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 29);
    }

    /** A bounded stream of seeded pseudo-random bytes. */
    private static final class RandomBytes extends InputStream {
        private final SplittableRandom random;
        private long left;

        RandomBytes(long seed, long length) {
            this.random = new SplittableRandom(seed);
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            left -= n;
            return n;
        }
    }
}
