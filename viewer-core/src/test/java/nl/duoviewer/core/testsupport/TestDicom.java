package nl.duoviewer.core.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * Test-only access to a corpus file until the project's Part-10 parser lands: Image Pixel attributes come from
 * {@code dcmdump} (the reference tool), and the pixel data value is found by a minimal byte-pattern locator followed by
 * a fragment splitter for encapsulated data. Not a DICOM parser: it relies on Pixel Data being the last large element.
 */
public final class TestDicom {
    private static final Pattern LINE = Pattern.compile("^\\((\\p{XDigit}{4}),(\\p{XDigit}{4})\\) (\\w\\w) (.*?)\\s+#.*$");

    private final Path path;
    private final Map<String, String> attributes;
    private final ImageDescriptor descriptor;
    private final List<ByteBuffer> frames;

    private TestDicom(Path path) throws IOException, InterruptedException {
        this.path = path;
        this.attributes = dump(path);
        this.descriptor = describe(attributes);
        this.frames = locateFrames(Files.readAllBytes(path), descriptor);
    }

    public static TestDicom read(Path path) throws IOException, InterruptedException {
        return new TestDicom(path);
    }

    public Path path() {
        return path;
    }

    public ImageDescriptor descriptor() {
        return descriptor;
    }

    /** Frame data: the native frame, or the frame's fragments concatenated. */
    public List<ByteBuffer> frames() {
        return frames;
    }

    public String attribute(String tag) {
        return attributes.get(tag.toLowerCase());
    }

    static Map<String, String> dump(Path path) throws IOException, InterruptedException {
        String out = ReferenceTools.run("dcmdump", "-q", "-Un", "-M", "+P", "0002,0010", "+P", "0028,0002", "+P",
                "0028,0004", "+P", "0028,0006", "+P", "0028,0008", "+P", "0028,0010", "+P", "0028,0011", "+P",
                "0028,0100", "+P", "0028,0101", "+P", "0028,0102", "+P", "0028,0103", "+P", "0028,1050", "+P",
                "0028,1051", "+P", "0028,1052", "+P", "0028,1053", path.toString());
        Map<String, String> m = new HashMap<>();
        for (String line : out.split("\n")) {
            Matcher x = LINE.matcher(line.trim());
            if (x.matches()) {
                String v = x.group(4).trim();
                if (v.startsWith("[") && v.endsWith("]")) {
                    v = v.substring(1, v.length() - 1);
                } else if (v.startsWith("=")) {
                    v = v.substring(1);
                }
                m.putIfAbsent((x.group(1) + "," + x.group(2)).toLowerCase(), v.trim());
            }
        }
        return m;
    }

    static ImageDescriptor describe(Map<String, String> a) {
        int bitsStored = intOf(a, "0028,0101", -1);
        return new ImageDescriptor(intOf(a, "0028,0010", -1), intOf(a, "0028,0011", -1), intOf(a, "0028,0002", 1),
                intOf(a, "0028,0100", -1), bitsStored, intOf(a, "0028,0102", bitsStored - 1),
                intOf(a, "0028,0103", 0) == 1, Photometric.parse(a.get("0028,0004")), intOf(a, "0028,0006", 0),
                intOf(a, "0028,0008", 1), a.getOrDefault("0002,0010", "1.2.840.10008.1.2"));
    }

    private static int intOf(Map<String, String> a, String tag, int dflt) {
        String v = a.get(tag);
        if (v == null || v.isBlank() || v.startsWith("(no value")) {
            return dflt;
        }
        return Integer.parseInt(v.split("\\\\")[0].trim());
    }

    static List<ByteBuffer> locateFrames(byte[] file, ImageDescriptor d) throws IOException {
        String ts = d.transferSyntaxUid();
        if (ts.equals("1.2.840.10008.1.2.1.99")) {
            file = inflateDataset(file);
            ts = "1.2.840.10008.1.2.1";
        }
        boolean bigEndian = ts.equals("1.2.840.10008.1.2.2");
        boolean implicit = ts.equals("1.2.840.10008.1.2");
        for (int i = file.length - 8; i >= 0; i--) {
            if (!isPixelTag(file, i, bigEndian)) {
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(file).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long length;
            int valueStart;
            if (implicit) {
                length = b.getInt(i + 4) & 0xFFFFFFFFL;
                valueStart = i + 8;
            } else {
                if (file[i + 4] != 'O' || (file[i + 5] != 'B' && file[i + 5] != 'W')) {
                    continue;
                }
                length = b.getInt(i + 8) & 0xFFFFFFFFL;
                valueStart = i + 12;
            }
            if (length == 0xFFFFFFFFL) {
                return splitFragments(file, valueStart, d);
            }
            if (valueStart + length > file.length) {
                throw new IOException("Pixel Data value runs past the end of the file (truncated)");
            }
            List<ByteBuffer> frames = new ArrayList<>();
            int frameBytes = d.nativeFrameBytes();
            if ((long) frameBytes * d.numberOfFrames() > length) {
                continue;
            }
            for (int f = 0; f < d.numberOfFrames(); f++) {
                frames.add(ByteBuffer.wrap(file, valueStart + f * frameBytes, frameBytes).slice());
            }
            return frames;
        }
        throw new IOException("Pixel Data element not found");
    }

    private static boolean isPixelTag(byte[] f, int i, boolean bigEndian) {
        return bigEndian
                ? f[i] == 0x7F && f[i + 1] == (byte) 0xE0 && f[i + 2] == 0x00 && f[i + 3] == 0x10
                : f[i] == (byte) 0xE0 && f[i + 1] == 0x7F && f[i + 2] == 0x10 && f[i + 3] == 0x00;
    }

    /** Items after the Basic Offset Table, grouped into frames per PS3.5 A.4. */
    static List<ByteBuffer> splitFragments(byte[] file, int pos, ImageDescriptor d) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> items = new ArrayList<>(); // start of item header, value offset, length
        while (true) {
            if (pos + 8 > file.length) {
                throw new IOException("encapsulated Pixel Data truncated at byte " + pos);
            }
            int tag = b.getInt(pos);
            long len = b.getInt(pos + 4) & 0xFFFFFFFFL;
            if (tag == 0xE0DDFFFE) {
                break;
            }
            if (tag != 0xE000FFFE) {
                throw new IOException("expected an item tag at byte " + pos);
            }
            if (pos + 8 + len > file.length) {
                throw new IOException("fragment at byte " + pos + " runs past the end of the file (truncated)");
            }
            items.add(new int[] {pos, pos + 8, (int) len});
            pos += 8 + (int) len;
        }
        if (items.isEmpty()) {
            throw new IOException("no Basic Offset Table item");
        }
        int[] bot = items.removeFirst();
        int frames = d.numberOfFrames();
        List<ByteBuffer> out = new ArrayList<>();
        if (bot[2] > 0 && frames > 1) {
            int firstItem = items.getFirst()[0];
            int[] offsets = new int[frames + 1];
            for (int f = 0; f < frames; f++) {
                offsets[f] = b.getInt(bot[1] + 4 * f);
            }
            offsets[frames] = Integer.MAX_VALUE;
            for (int f = 0; f < frames; f++) {
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                for (int[] it : items) {
                    int rel = it[0] - firstItem;
                    if (rel >= offsets[f] && rel < offsets[f + 1]) {
                        frame.write(file, it[1], it[2]);
                    }
                }
                out.add(ByteBuffer.wrap(frame.toByteArray()));
            }
        } else if (items.size() == frames) {
            for (int[] it : items) {
                out.add(ByteBuffer.wrap(file, it[1], it[2]).slice());
            }
        } else if (frames == 1) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            for (int[] it : items) {
                frame.write(file, it[1], it[2]);
            }
            out.add(ByteBuffer.wrap(frame.toByteArray()));
        } else {
            throw new IOException(items.size() + " fragments for " + frames + " frames without offset table");
        }
        return out;
    }

    private static byte[] inflateDataset(byte[] file) throws IOException {
        int metaLength = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(128 + 4 + 8);
        int start = 128 + 4 + 12 + metaLength;
        Inflater inf = new Inflater(true);
        inf.setInput(file, start, file.length - start);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException(e);
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }
}
