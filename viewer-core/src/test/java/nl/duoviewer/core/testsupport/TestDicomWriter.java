package nl.duoviewer.core.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.duoviewer.core.image.ImageDescriptor;
import nl.duoviewer.core.image.Photometric;

/**
 * Test-only: writes a minimal Secondary Capture Part-10 file (Explicit VR Little Endian dataset) holding encapsulated
 * frames, so the reference tools can decode what our encoders produce. Not the project's DICOM writer.
 */
public final class TestDicomWriter {
    private static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    private static final String UID_ROOT = "2.25.1234567890123456789";

    private TestDicomWriter() {
    }

    public static void writeEncapsulated(Path file, ImageDescriptor d, Photometric photometric, String tsUid,
                                         List<byte[]> fragments) throws IOException {
        ByteArrayOutputStream ds = new ByteArrayOutputStream();
        element(ds, 0x0008, 0x0016, "UI", ui(SC));
        element(ds, 0x0008, 0x0018, "UI", ui(UID_ROOT + ".2"));
        element(ds, 0x0008, 0x0060, "CS", cs("OT"));
        element(ds, 0x0010, 0x0010, "PN", cs("Test^Encoder"));
        element(ds, 0x0020, 0x000D, "UI", ui(UID_ROOT + ".3"));
        element(ds, 0x0020, 0x000E, "UI", ui(UID_ROOT + ".4"));
        element(ds, 0x0028, 0x0002, "US", us(photometric.samplesPerPixel()));
        element(ds, 0x0028, 0x0004, "CS", cs(photometric.dicomName()));
        if (photometric.samplesPerPixel() > 1) {
            element(ds, 0x0028, 0x0006, "US", us(0));
        }
        element(ds, 0x0028, 0x0008, "IS", cs(Integer.toString(fragments.size())));
        element(ds, 0x0028, 0x0010, "US", us(d.rows()));
        element(ds, 0x0028, 0x0011, "US", us(d.columns()));
        element(ds, 0x0028, 0x0100, "US", us(d.bitsAllocated()));
        element(ds, 0x0028, 0x0101, "US", us(d.bitsStored()));
        element(ds, 0x0028, 0x0102, "US", us(d.highBit()));
        element(ds, 0x0028, 0x0103, "US", us(d.signed() ? 1 : 0));
        tag(ds, 0x7FE0, 0x0010);
        ds.writeBytes("OB".getBytes(StandardCharsets.US_ASCII));
        ds.writeBytes(new byte[] {0, 0});
        int32(ds, -1);
        item(ds, new byte[0]);
        for (byte[] f : fragments) {
            item(ds, f);
        }
        tag(ds, 0xFFFE, 0xE0DD);
        int32(ds, 0);

        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
        element(meta, 0x0002, 0x0002, "UI", ui(SC));
        element(meta, 0x0002, 0x0003, "UI", ui(UID_ROOT + ".2"));
        element(meta, 0x0002, 0x0010, "UI", ui(tsUid));
        element(meta, 0x0002, 0x0012, "UI", ui(UID_ROOT + ".9"));
        ByteArrayOutputStream part10 = new ByteArrayOutputStream();
        part10.writeBytes(new byte[128]);
        part10.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream len = new ByteArrayOutputStream();
        int32(len, meta.size());
        element(part10, 0x0002, 0x0000, "UL", len.toByteArray());
        part10.writeBytes(meta.toByteArray());
        part10.writeBytes(ds.toByteArray());
        Files.write(file, part10.toByteArray());
    }

    private static void item(ByteArrayOutputStream out, byte[] value) {
        tag(out, 0xFFFE, 0xE000);
        int32(out, value.length);
        out.writeBytes(value);
    }

    private static void element(ByteArrayOutputStream out, int group, int elem, String vr, byte[] value) {
        tag(out, group, elem);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ")) {
            out.writeBytes(new byte[] {0, 0});
            int32(out, value.length);
        } else {
            out.write(value.length & 0xFF);
            out.write(value.length >>> 8);
        }
        out.writeBytes(value);
    }

    private static void tag(ByteArrayOutputStream out, int group, int elem) {
        out.write(group & 0xFF);
        out.write(group >>> 8);
        out.write(elem & 0xFF);
        out.write(elem >>> 8);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static byte[] us(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static byte[] ui(String s) {
        return pad(s, (byte) 0);
    }

    private static byte[] cs(String s) {
        return pad(s, (byte) ' ');
    }

    private static byte[] pad(String s, byte padding) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] p = java.util.Arrays.copyOf(b, b.length + 1);
        p[b.length] = padding;
        return p;
    }
}
