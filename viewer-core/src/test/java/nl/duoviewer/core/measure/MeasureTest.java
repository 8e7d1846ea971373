package nl.duoviewer.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.image.PixelSpacing;
import nl.duoviewer.core.pixel.ColorPixels;
import nl.duoviewer.core.pixel.GrayscalePixels;
import nl.duoviewer.core.pixel.InstanceHeader;
import nl.duoviewer.core.pixel.LookupTable;
import nl.duoviewer.core.pixel.ModalityLut;
import nl.duoviewer.core.pixel.VoiFunction;

/** Known answers on generated phantoms, without any UI. */
class MeasureTest {

    /**
     * A 400 x 400 CT phantom stored as CT stores it (unsigned, intercept -1024): air (-1000 HU) with a square of soft
     * tissue (40 HU) at columns and rows 100..299.
     */
    private static GrayscalePixels phantom() {
        short[] stored = new short[400 * 400];
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                boolean tissue = x >= 100 && x < 300 && y >= 100 && y < 300;
                stored[y * 400 + x] = (short) ((tissue ? 40 : -1000) + 1024);
            }
        }
        return new GrayscalePixels(400, 400, stored, false, 1, -1024, false);
    }

    private static final PixelSpacing HALF_MM = new PixelSpacing(0.5, 0.5, PixelSpacing.Kind.PATIENT);

    private static ImagePoint p(double x, double y) {
        return new ImagePoint(x, y);
    }

    @Test
    void aHundredMillimetreLineOnAPhantomWithHalfMillimetrePixelsReadsOneHundredPointZero() {
        // 200 pixels of 0.5 mm, horizontally and diagonally-equivalent vertically
        Result.Length horizontal = Measure.length(new Shape.Line(p(50.5, 60.5), p(250.5, 60.5)), HALF_MM);
        assertEquals(PixelSpacing.Kind.PATIENT, horizontal.unit());
        assertEquals("100.0", String.format(Locale.ROOT, "%.1f", horizontal.value()));
        assertEquals(100.0, horizontal.value(), 1e-9);
        Result.Length diagonal = Measure.length(new Shape.Line(p(0, 0), p(120, 160)), HALF_MM); // 3-4-5: 200 px
        assertEquals(100.0, diagonal.value(), 1e-9);
    }

    @Test
    void rowAndColumnSpacingApplyToTheirOwnAxes() {
        // Pixel Spacing is row spacing (vertical) first, column spacing (horizontal) second
        PixelSpacing anisotropic = new PixelSpacing(2.0, 0.5, PixelSpacing.Kind.PATIENT);
        assertEquals(100.0, Measure.length(new Shape.Line(p(0, 0), p(200, 0)), anisotropic).value(), 1e-9);
        assertEquals(100.0, Measure.length(new Shape.Line(p(0, 0), p(0, 50)), anisotropic).value(), 1e-9);
        // 45 degrees on screen is not 45 degrees in the patient when pixels are not square
        double angle = Measure.angle(new Shape.Angle(p(10, 0), p(0, 0), p(10, 10)), anisotropic);
        assertEquals(Math.toDegrees(Math.atan2(20, 5)), angle, 1e-9);
    }

    @Test
    void detectorSpacingIsLabelledAndNoSpacingMeansPixels() {
        DicomObject dx = new DicomObject();
        dx.setDouble(Tag.ImagerPixelSpacing, VR.DS, 0.2, 0.2);
        PixelSpacing detector = PixelSpacing.of(dx);
        assertEquals(PixelSpacing.Kind.DETECTOR, detector.kind());
        Result.Length l = Measure.length(new Shape.Line(p(0, 0), p(500, 0)), detector);
        assertEquals(PixelSpacing.Kind.DETECTOR, l.unit());
        assertEquals(100.0, l.value(), 1e-9);

        dx.setDouble(Tag.PixelSpacing, VR.DS, 0.18, 0.18); // corrected to the patient: that one counts
        assertEquals(new PixelSpacing(0.18, 0.18, PixelSpacing.Kind.PATIENT), PixelSpacing.of(dx));

        PixelSpacing none = PixelSpacing.of(new DicomObject());
        assertEquals(PixelSpacing.NONE, none);
        Result.Length px = Measure.length(new Shape.Line(p(0, 0), p(30, 40)), none);
        assertEquals(PixelSpacing.Kind.NONE, px.unit());
        assertEquals(50.0, px.value(), 1e-9);

        DicomObject zero = new DicomObject();
        zero.setDouble(Tag.PixelSpacing, VR.DS, 0, 0);
        assertEquals(PixelSpacing.NONE, PixelSpacing.of(zero), "an unusable spacing is no spacing");
    }

    @Test
    void enhancedObjectsGiveTheirSpacingInThePixelMeasuresFunctionalGroup() {
        DicomObject ds = new DicomObject();
        DicomObject shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        shared.newSequence(Tag.PixelMeasuresSequence).addItem().setDouble(Tag.PixelSpacing, VR.DS, 0.7, 0.6);
        assertEquals(new PixelSpacing(0.7, 0.6, PixelSpacing.Kind.PATIENT), PixelSpacing.of(ds));
    }

    @Test
    void aRegionOnAUniformAreaReadsItsValueWithNoSpread() {
        GrayscalePixels ct = phantom();
        Shape.Ellipse ellipse = new Shape.Ellipse(p(150, 150), p(250, 250)); // inside the 40 HU square
        Result.Region r = (Result.Region) Measure.of(ellipse, ct, HALF_MM, "HU");
        RegionStatistics s = r.statistics();
        assertEquals(40.0, s.mean(), 1e-9);
        assertEquals(0.0, s.standardDeviation(), 1e-9);
        assertEquals(40.0, s.min());
        assertEquals(40.0, s.max());
        assertEquals("HU", r.modalityUnit());
        // area: pi x 50 px x 50 px x 0.25 mm² per px²
        assertEquals(Math.PI * 50 * 50 * 0.25, r.area(), 1e-9);
        assertEquals(PixelSpacing.Kind.PATIENT, r.unit());
        // the pixel count follows the ellipse: within one ring of pixels of pi r²
        assertEquals(Math.PI * 50 * 50, s.pixels(), 2 * Math.PI * 50);

        Shape.Rectangle rect = new Shape.Rectangle(p(120, 110), p(280, 290));
        RegionStatistics rs = Measure.statistics(ct, rect);
        assertEquals(160 * 180, rs.pixels());
        assertEquals(40.0, rs.mean(), 1e-9);
        assertEquals(0.0, rs.standardDeviation(), 1e-9);
        assertEquals(160 * 180 * 0.25, Measure.area(rect, HALF_MM), 1e-9);
    }

    @Test
    void aRegionAcrossTwoValuesReadsTheirMeanAndSampleDeviation() {
        GrayscalePixels ct = phantom();
        // columns 90..109 of one row: ten of air, ten of tissue
        Shape.Rectangle r = new Shape.Rectangle(p(90, 200), p(110, 201));
        RegionStatistics s = Measure.statistics(ct, r);
        assertEquals(20, s.pixels());
        assertEquals(-480.0, s.mean(), 1e-9);
        assertEquals(-1000.0, s.min());
        assertEquals(40.0, s.max());
        double expected = Math.sqrt(20 * 520.0 * 520.0 / 19); // every value 520 from the mean, n - 1
        assertEquals(expected, s.standardDeviation(), 1e-9);
    }

    @Test
    void statisticsGoThroughAModalityLutTableAndSignedValues() {
        // a table mapping stored 0..3 to 100, 200, 300, 400
        ModalityLut table = new ModalityLut.Table(new LookupTable(0, 16, new int[] {100, 200, 300, 400}));
        short[] stored = {0, 1, 2, 3};
        GrayscalePixels g = new GrayscalePixels(2, 2, stored, false, table, VoiFunction.LINEAR, false);
        RegionStatistics s = Measure.statistics(g, new Shape.Rectangle(p(0, 0), p(2, 2)));
        assertEquals(250.0, s.mean(), 1e-9);
        assertEquals(100.0, s.min());
        assertEquals(400.0, s.max());

        GrayscalePixels signed = new GrayscalePixels(2, 1, new short[] {-5, -5}, true, 2, 10, false);
        RegionStatistics t = Measure.statistics(signed, new Shape.Rectangle(p(0, 0), p(2, 1)));
        assertEquals(0.0, t.mean(), 1e-9, "2 x -5 + 10");
    }

    @Test
    void regionsOutsideTheFrameOrOnColourHaveNoStatistics() {
        assertNull(Measure.statistics(phantom(), new Shape.Rectangle(p(500, 500), p(600, 600))));
        assertNull(Measure.statistics(phantom(), new Shape.Ellipse(p(10, 10), p(10, 50))), "a flat ellipse");
        ColorPixels colour = new ColorPixels(2, 2, new int[] {0xFF000000, 0xFF000000, 0xFF000000, 0xFF000000});
        Result.Region r = (Result.Region) Measure.of(new Shape.Rectangle(p(0, 0), p(2, 2)), colour, PixelSpacing.NONE,
                "");
        assertNull(r.statistics());
        assertEquals(4.0, r.area(), 1e-9);
        assertEquals(PixelSpacing.Kind.NONE, r.unit());
    }

    @Test
    void aRightAngleReadsNinetyDegrees() {
        assertEquals(90.0, Measure.angle(new Shape.Angle(p(10, 5), p(5, 5), p(5, 0)), HALF_MM), 1e-9);
        assertEquals(180.0, Measure.angle(new Shape.Angle(p(0, 0), p(5, 0), p(10, 0)), HALF_MM), 1e-9);
        assertEquals(0.0, Measure.angle(new Shape.Angle(p(5, 0), p(5, 0), p(10, 0)), HALF_MM), "a zero arm");
    }

    @Test
    void theHeaderOffersTheSourcesWindowsAndVoiLutTablesWithTheirExplanations() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.Modality, VR.CS, "CR");
        ds.setDouble(Tag.WindowCenter, VR.DS, 2000, 1800);
        ds.setDouble(Tag.WindowWidth, VR.DS, 4000, 1000);
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "NORMAL", "HARD");
        DicomObject item = ds.newSequence(Tag.VOILUTSequence).addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, 4, 0, 12);
        item.setBytes(Tag.LUTData, VR.OW, new byte[] {0, 0, 0, 4, 0, 8, (byte) 0xFF, 0x0F});
        item.setString(Tag.LUTExplanation, VR.LO, "Contrast");
        ds.setDouble(Tag.FrameTime, VR.DS, 40);
        ds.setDouble(Tag.ImagerPixelSpacing, VR.DS, 0.15, 0.15);

        InstanceHeader h = InstanceHeader.of(ds);
        assertEquals("1.2.3.4", h.sopInstanceUid());
        assertEquals(3, h.sourceVois().size());
        assertEquals("NORMAL", h.sourceVois().get(0).explanation());
        assertEquals("HARD", h.sourceVois().get(1).explanation());
        assertEquals(1, h.voiTables().size());
        assertEquals("Contrast", h.voiTables().getFirst().explanation());
        assertEquals(25.0, h.framesPerSecond(), 1e-9);
        assertEquals(PixelSpacing.Kind.DETECTOR, h.spacing().kind());
        assertEquals("", h.modalityUnit());

        DicomObject ct = new DicomObject();
        ct.setString(Tag.Modality, VR.CS, "CT");
        assertEquals("HU", InstanceHeader.of(ct).modalityUnit());
        DicomObject pet = new DicomObject();
        pet.setString(Tag.RescaleType, VR.LO, "BQML");
        assertEquals("BQML", InstanceHeader.of(pet).modalityUnit());
    }
}
