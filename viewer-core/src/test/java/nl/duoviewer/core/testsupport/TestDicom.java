package nl.duoviewer.core.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * A corpus file read with the project's parser ({@link DicomReader}): its descriptor and every readable frame. The
 * static {@link #dump} / {@link #describe} helpers read attributes with dcmdump instead, for reference-tool output
 * that must not depend on our parser.
 */
public final class TestDicom {
    private static final Pattern LINE = Pattern.compile("^\\((\\p{XDigit}{4}),(\\p{XDigit}{4})\\) (\\w\\w) (.*?)\\s+#.*$");

    private final Path path;
    private final DicomFile file;
    private final ImageDescriptor descriptor;
    private final List<ByteBuffer> frames;

    private TestDicom(Path path) throws IOException {
        this.path = path;
        this.file = DicomReader.read(path);
        DicomFrameSource source = DicomFrameSource.of(file);
        this.descriptor = source.descriptor();
        List<ByteBuffer> list = new ArrayList<>();
        for (int i = 0; i < source.frameCount(); i++) {
            list.add(source.frame(i));
        }
        this.frames = List.copyOf(list);
    }

    public static TestDicom read(Path path) throws IOException {
        return new TestDicom(path);
    }

    public Path path() {
        return path;
    }

    public DicomFile file() {
        return file;
    }

    public ImageDescriptor descriptor() {
        return descriptor;
    }

    /** Frame data: the native frame (little endian), or the frame's fragments concatenated. */
    public List<ByteBuffer> frames() {
        return frames;
    }

    static Map<String, String> dump(Path path) throws IOException, InterruptedException {
        // +p: elements inside sequence items print with their path, so the pattern below takes top-level ones only
        String out = ReferenceTools.run("dcmdump", "-q", "-Un", "-M", "+p", "+P", "0002,0010", "+P", "0028,0002",
                "+P", "0028,0004", "+P", "0028,0006", "+P", "0028,0008", "+P", "0028,0010", "+P", "0028,0011",
                "+P", "0028,0100", "+P", "0028,0101", "+P", "0028,0102", "+P", "0028,0103", "+P", "0028,1050",
                "+P", "0028,1051", "+P", "0028,1052", "+P", "0028,1053", path.toString());
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
        String first = v.split("\\\\")[0].trim();
        int end = 0;
        while (end < first.length() && (Character.isDigit(first.charAt(end)) || (end == 0 && first.charAt(0) == '-'))) {
            end++;
        }
        return end == 0 ? dflt : Integer.parseInt(first.substring(0, end)); // lenient like the parser: "1A" -> 1
    }
}
