package nl.duoviewer.core.dicom;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes DICOM Part-10 objects: preamble, File Meta Information (explicit VR little endian, group length computed)
 * and the dataset in implicit or explicit VR little endian, explicit big endian or deflated. Sequences and items are
 * written with undefined lengths, so nothing has to be measured in advance and output can stream. Group length
 * elements in the dataset are dropped (they are retired and go stale on every edit).
 */
public final class DicomWriter {

    /** Implementation Class UID of this product (a 2.25 UUID-derived root). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.203470212863421961287304417216521437019";
    public static final String IMPLEMENTATION_VERSION = "DUOVIEWER_01";

    private final OutputStream out;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final byte[] scratch = new byte[8];

    private DicomWriter(OutputStream out, boolean explicitVr, boolean bigEndian) {
        this.out = out;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
    }

    /**
     * Builds File Meta Information for a dataset: SOP Class/Instance from the dataset, the given syntax, this product's
     * implementation identifiers.
     */
    public static DicomObject createFileMetaInformation(DicomObject dataset, String transferSyntaxUid) {
        DicomObject fmi = new DicomObject(8);
        fmi.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        fmi.setString(Tag.MediaStorageSOPClassUID, VR.UI, dataset.getString(Tag.SOPClassUID, ""));
        fmi.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, dataset.getString(Tag.SOPInstanceUID, ""));
        fmi.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        fmi.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        fmi.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION);
        return fmi;
    }

    /** Writes a Part-10 file (preamble, meta information, dataset) to a stream. The stream is not closed. */
    public static void write(DicomObject dataset, String transferSyntaxUid, OutputStream out) throws IOException {
        write(createFileMetaInformation(dataset, transferSyntaxUid), dataset, out);
    }

    /** Writes a Part-10 file with the given meta information; its Transfer Syntax UID decides the encoding. */
    public static void write(DicomObject fmi, DicomObject dataset, OutputStream out) throws IOException {
        String tsUid = fmi.getString(Tag.TransferSyntaxUID);
        if (tsUid == null) {
            throw new IllegalArgumentException("File Meta Information lacks a Transfer Syntax UID");
        }
        TransferSyntax ts = TransferSyntax.of(tsUid);
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        ByteArrayOutputStream meta = new ByteArrayOutputStream(256);
        DicomWriter metaWriter = new DicomWriter(meta, true, false);
        DicomObject body = new DicomObject(fmi.size());
        body.addAll(fmi);
        body.remove(Tag.FileMetaInformationGroupLength);
        metaWriter.writeDataset(body, true);
        DicomWriter lengthWriter = new DicomWriter(out, true, false);
        lengthWriter.writeHeader(Tag.FileMetaInformationGroupLength, VR.UL, 4);
        lengthWriter.writeInt(meta.size());
        meta.writeTo(out);
        writeDataset(dataset, ts, out);
    }

    /** Writes a bare dataset (no preamble or meta information) in the given syntax. */
    public static void writeDataset(DicomObject dataset, TransferSyntax ts, OutputStream out) throws IOException {
        if (ts.deflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            DeflaterOutputStream dos = new DeflaterOutputStream(nonClosing(out), deflater, 8192);
            new DicomWriter(dos, true, false).writeDataset(dataset, false);
            dos.finish();
            deflater.end();
        } else {
            new DicomWriter(out, ts.explicitVr(), ts.bigEndian()).writeDataset(dataset, false);
        }
    }

    /** Writes a Part-10 file to disk atomically (a temporary file moved into place). */
    public static void write(DicomObject dataset, String transferSyntaxUid, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            write(dataset, transferSyntaxUid, os);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private void writeDataset(DicomObject ds, boolean meta) throws IOException {
        IOException[] failure = new IOException[1];
        ds.forEach((tag, vr, value) -> {
            if (failure[0] != null || (!meta && (tag & 0xFFFF) == 0) || (!meta && tag >>> 16 == 0x0002)) {
                return;
            }
            try {
                writeElement(tag, vr, value, swapUnit(ds, tag, vr));
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * Bytes per word to swap for big endian output. Pixel data in OW is swapped per pixel (2 or 4 bytes), as the
     * reader expects; everything else per element size.
     */
    static int swapUnit(DicomObject ds, int tag, VR vr) {
        if (tag == Tag.PixelData && vr == VR.OW) {
            int bits = ds.getInt(Tag.BitsAllocated, 16);
            return bits >= 16 ? bits / 8 : 2;
        }
        return vr.elementSize();
    }

    private void writeElement(int tag, VR vr, Object value, int swapUnit) throws IOException {
        if (value instanceof Sequence seq) {
            writeHeader(tag, VR.SQ, -1);
            for (DicomObject item : seq) {
                writeTag(Tag.Item);
                writeInt(-1);
                writeDataset(item, false);
                writeTag(Tag.ItemDelimitationItem);
                writeInt(0);
            }
            writeTag(Tag.SequenceDelimitationItem);
            writeInt(0);
        } else if (value instanceof Fragments f) {
            writeHeader(tag, VR.OB, -1);
            long[] bot = f.basicOffsetTable();
            writeTag(Tag.Item);
            writeInt(bot.length * 4);
            for (long offset : bot) {
                writeLittleEndianInt((int) offset);
            }
            for (Fragments.Fragment fragment : f.fragments()) {
                int len = fragment.length();
                writeTag(Tag.Item);
                writeInt(len + (len & 1));
                copy(fragment.bytes(), fragment.location(), false, 1);
                if ((len & 1) != 0) {
                    out.write(0);
                }
            }
            writeTag(Tag.SequenceDelimitationItem);
            writeInt(0);
        } else if (value instanceof BulkData bulk) {
            long len = bulk.length();
            if (len > 0xFFFFFFFEL) {
                throw new IOException("value of " + len + " bytes is too long for DICOM");
            }
            writeHeader(tag, vr, (int) (len + (len & 1)));
            copy(null, bulk, bigEndian != bulk.bigEndian(), swapUnit);
            if ((len & 1) != 0) {
                out.write(vr.paddingByte());
            }
        } else {
            byte[] bytes = value == null ? new byte[0] : (byte[]) value;
            int len = bytes.length;
            writeHeader(tag, vr, len + (len & 1));
            if (bigEndian && swapUnit > 1) {
                byte[] swapped = bytes.clone();
                ByteOrderUtil.swap(swapped, 0, swapped.length, swapUnit);
                out.write(swapped);
            } else {
                out.write(bytes);
            }
            if ((len & 1) != 0) {
                out.write(vr.paddingByte());
            }
        }
    }

    private void copy(byte[] bytes, BulkData bulk, boolean swap, int swapUnit) throws IOException {
        if (bytes != null) {
            out.write(bytes);
            return;
        }
        try (InputStream in = Files.newInputStream(bulk.file())) {
            in.skipNBytes(bulk.offset());
            long left = bulk.length();
            byte[] chunk = new byte[1 << 16];
            while (left > 0) {
                int n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
                if (n <= 0) {
                    throw new IOException(bulk.file() + " ended before the end of a bulk data value");
                }
                if (swap && swapUnit > 1) {
                    ByteOrderUtil.swap(chunk, 0, n - n % swapUnit, swapUnit);
                }
                out.write(chunk, 0, n);
                left -= n;
            }
        }
    }

    private void writeHeader(int tag, VR vr, int length) throws IOException {
        writeTag(tag);
        if (!explicitVr) {
            writeInt(length);
            return;
        }
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongHeader()) {
            out.write(0);
            out.write(0);
            writeInt(length);
        } else {
            if (length < 0 || length > 0xFFFF) {
                throw new IOException(ElementDictionary.describe(tag) + " of " + length
                        + " bytes is too long for VR " + vr);
            }
            writeShort(length);
        }
    }

    private void writeTag(int tag) throws IOException {
        writeShort(tag >>> 16);
        writeShort(tag & 0xFFFF);
    }

    private void writeShort(int v) throws IOException {
        if (bigEndian) {
            scratch[0] = (byte) (v >>> 8);
            scratch[1] = (byte) v;
        } else {
            scratch[0] = (byte) v;
            scratch[1] = (byte) (v >>> 8);
        }
        out.write(scratch, 0, 2);
    }

    private void writeInt(int v) throws IOException {
        if (bigEndian) {
            scratch[0] = (byte) (v >>> 24);
            scratch[1] = (byte) (v >>> 16);
            scratch[2] = (byte) (v >>> 8);
            scratch[3] = (byte) v;
            out.write(scratch, 0, 4);
        } else {
            writeLittleEndianInt(v);
        }
    }

    private void writeLittleEndianInt(int v) throws IOException {
        scratch[0] = (byte) v;
        scratch[1] = (byte) (v >>> 8);
        scratch[2] = (byte) (v >>> 16);
        scratch[3] = (byte) (v >>> 24);
        out.write(scratch, 0, 4);
    }
}
