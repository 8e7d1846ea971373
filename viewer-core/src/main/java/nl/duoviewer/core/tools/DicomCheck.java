package nl.duoviewer.core.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.codec.FrameDecodeException;
import nl.duoviewer.core.codec.FrameDecoder;
import nl.duoviewer.core.codec.FrameDecoders;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.FrameBuffer;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * {@code dicomcheck DIR OUT}: parses and decodes every file under DIR and writes each frame's decoded samples (after
 * decoding, before any LUT: colour-by-pixel, masked to Bits Stored, little endian in 8/16/32-bit containers) to
 * {@code OUT/<relative path>.<frame number from 1>.raw}. Prints one line per failing file with the reason and ends
 * with {@code N passed, N failed}. A file without pixel data passes when it parses. Exit status 1 when any failed.
 */
public final class DicomCheck {

    /** One failing file and why. */
    public record Failure(Path file, String reason) {
    }

    /** Outcome of a run. */
    public record Result(int passed, List<Failure> failures) {
        public int failed() {
            return failures.size();
        }
    }

    private DicomCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: dicomcheck DIR OUT");
            System.exit(2);
        }
        Result r = run(Path.of(args[0]), Path.of(args[1]), System.out);
        System.exit(r.failed() == 0 ? 0 : 1);
    }

    /** Checks every regular file under {@code dir} (sorted by path), writing frames under {@code out}. */
    public static Result run(Path dir, Path out, PrintStream report) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int passed = 0;
        List<Failure> failures = new ArrayList<>();
        FrameBuffer buffer = new FrameBuffer();
        for (Path f : files) {
            Path rel = dir.relativize(f);
            String reason = check(f, out.resolve(rel.toString()), buffer);
            if (reason == null) {
                passed++;
            } else {
                failures.add(new Failure(rel, reason));
                report.println("FAIL " + rel + ": " + reason);
            }
        }
        report.println(passed + " passed, " + failures.size() + " failed");
        return new Result(passed, List.copyOf(failures));
    }

    /** Null when the file is fine, else the reason. */
    private static String check(Path file, Path outBase, FrameBuffer buffer) {
        DicomFile dicom;
        try {
            dicom = DicomReader.read(file);
        } catch (IOException e) {
            return "not readable as DICOM: " + e.getMessage();
        }
        if (dicom.pixelData() == null) {
            return null;
        }
        DicomFrameSource source;
        FrameDecoder decoder;
        try {
            source = DicomFrameSource.of(dicom);
            decoder = FrameDecoders.create(source.descriptor());
        } catch (IllegalArgumentException e) {
            return "unusable image description: " + e.getMessage();
        } catch (FrameDecodeException e) {
            return e.getMessage();
        }
        ImageDescriptor d = source.descriptor();
        int available = source.frameCount();
        byte[] raw = new byte[0];
        for (int i = 0; i < available; i++) {
            try {
                decoder.decode(d, source.frame(i), i, buffer);
            } catch (FrameDecodeException e) {
                return e.getMessage();
            } catch (IOException e) {
                return "frame " + (i + 1) + " unreadable: " + e.getMessage();
            }
            int size = buffer.littleEndianSize();
            if (raw.length < size) {
                raw = new byte[size];
            }
            buffer.writeLittleEndian(ByteBuffer.wrap(raw));
            try {
                write(outBase.resolveSibling(outBase.getFileName() + "." + (i + 1) + ".raw"), raw, size);
            } catch (IOException e) {
                return "cannot write output: " + e.getMessage();
            }
        }
        if (available < d.numberOfFrames()) {
            String problem = source.problem();
            return "only " + available + " of " + d.numberOfFrames() + " frames present"
                    + (problem != null ? ": " + problem : "");
        }
        return null;
    }

    private static void write(Path target, byte[] data, int length) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream o = Files.newOutputStream(target)) {
            o.write(data, 0, length);
        }
    }
}
