package nl.duoviewer.bench.compare;

import java.nio.file.Path;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * Checks that two objects hold the same image: decodes every frame of both (each in its own syntax, with our
 * decoders) and prints {@code frames max_abs_difference syntax_of_B}. {@code compare-decoders.sh} uses it to prove
 * that the peer tools' output and ours agree before it times anything (0 for lossless syntaxes), so that no row of
 * the table compares a fast wrong answer with a slow right one. The third field is B's transfer syntax (a peer
 * that leaves the data compressed has not decoded it).
 *
 * <pre>FrameComparison A.dcm B.dcm</pre>
 */
public final class FrameComparison {

    private FrameComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FrameComparison A.dcm B.dcm");
            System.exit(2);
        }
        DicomFrameSource a = DicomFrameSource.of(DicomReader.read(Path.of(args[0])));
        DicomFrameSource b = DicomFrameSource.of(DicomReader.read(Path.of(args[1])));
        ImageDescriptor da = a.descriptor();
        ImageDescriptor db = b.descriptor();
        if (a.frameCount() != b.frameCount() || da.rows() != db.rows() || da.columns() != db.columns()
                || da.samplesPerPixel() != db.samplesPerPixel()) {
            System.out.printf("%d/%d frames %dx%d/%dx%d DIFFERENT-SHAPE%n", a.frameCount(), b.frameCount(),
                    da.columns(), da.rows(), db.columns(), db.rows());
            System.exit(1);
        }
        FrameDecoder decA = FrameDecoders.create(da);
        FrameDecoder decB = FrameDecoders.create(db);
        FrameBuffer fa = new FrameBuffer();
        FrameBuffer fb = new FrameBuffer();
        long max = 0;
        for (int i = 0; i < a.frameCount(); i++) {
            decA.decode(da, a.frame(i), i, fa);
            decB.decode(db, b.frame(i), i, fb);
            for (int s = 0; s < fa.sampleCount(); s++) {
                max = Math.max(max, Math.abs(fa.sampleLong(s) - fb.sampleLong(s)));
            }
        }
        System.out.printf("%d %d %s%n", a.frameCount(), max, db.transferSyntaxUid());
    }
}
