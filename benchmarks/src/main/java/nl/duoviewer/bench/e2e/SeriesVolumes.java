package nl.duoviewer.bench.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import nl.duoviewer.core.codec.DicomFrameSource;
import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Fragments;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.Uids;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.ImageDescriptor;

/**
 * For the peer decoder: the instances of a study (one file each, as served) regrouped into one multi-frame file per
 * series and image geometry, every frame the instance's own encoded bytes, unchanged. A peer tool decodes one file per
 * process, and one 256 x 256 JPEG-LS frame takes less time than the tool's start-up varies; decoding a series per
 * process leaves the same decoding work with one start-up to subtract per series instead of per image.
 *
 * <pre>SeriesVolumes --in DIR --out DIR</pre>
 */
public final class SeriesVolumes {

    private static final String MF_GREY_BYTE_SC = "1.2.840.10008.5.1.4.1.1.7.2";
    private static final String MF_GREY_WORD_SC = "1.2.840.10008.5.1.4.1.1.7.3";

    private SeriesVolumes() {
    }

    public static void main(String[] args) throws IOException {
        Args a = Args.parse(args);
        write(Path.of(a.required("in")), Path.of(a.required("out")));
    }

    /** Writes {@code out/NN.dcm}, one per group; returns how many frames were written in all. */
    static int write(Path in, Path out) throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".dcm")).toList()) {
                Files.delete(p);
            }
        }
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        Map<String, DicomFile> firstOf = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(in)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().toList();
        }
        for (Path f : files) {
            DicomFile d = DicomReader.read(f);
            ImageDescriptor desc = DicomFrameSource.of(d).descriptor();
            String key = d.dataset().getString(Tag.SeriesInstanceUID, "") + "|" + desc.rows() + "x"
                    + desc.columns() + "x" + desc.bitsAllocated() + "|" + d.transferSyntax().uid();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            firstOf.putIfAbsent(key, d);
        }
        int n = 0;
        int total = 0;
        for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
            List<byte[]> frames = new ArrayList<>();
            for (Path f : g.getValue()) {
                DicomFrameSource src = DicomFrameSource.of(DicomReader.read(f));
                for (int i = 0; i < src.frameCount(); i++) {
                    ByteBuffer b = src.frame(i);
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    frames.add(bytes);
                }
            }
            DicomFile first = firstOf.get(g.getKey());
            DicomObject ds = first.dataset();
            ds.remove(Tag.PixelData);
            ds.setFragments(Tag.PixelData, VR.OB, Fragments.ofFrames(frames));
            ds.setInt(Tag.NumberOfFrames, VR.IS, frames.size());
            ds.setString(Tag.SOPClassUID, VR.UI, DicomFrameSource.of(first).descriptor().bitsAllocated() == 8
                    ? MF_GREY_BYTE_SC : MF_GREY_WORD_SC);
            ds.setString(Tag.SOPInstanceUID, VR.UI, Uids.fromName("bench:e2e:series:" + g.getKey()));
            n++;
            total += frames.size();
            DicomWriter.write(ds, first.transferSyntax().uid(), out.resolve(String.format(Locale.ROOT, "%02d.dcm",
                    n)));
        }
        return total;
    }
}
