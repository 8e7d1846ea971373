package nl.duoviewer.network.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.TransferSyntax;
import nl.duoviewer.core.dicom.Uids;

/** The synthetic anatomy has the attenuation of real tissue where the anatomy says, and renders reproducibly. */
class SyntheticImagesTest {

    private static final BodyPhantom TRUNK = BodyPhantom.create(BodyPhantom.Region.TRUNK, 7, true);

    /** Mean CT number in a small square around a point given in patient millimetres. */
    private static double meanHu(SyntheticImage img, double xMm, double yMm) {
        int size = img.columns();
        int ci = (int) Math.round((xMm - img.positionMm()[0]) / img.pixelSpacingMm());
        int cj = (int) Math.round((yMm - img.positionMm()[1]) / img.pixelSpacingMm());
        double sum = 0;
        int n = 0;
        for (int j = cj - 3; j <= cj + 3; j++) {
            for (int i = ci - 3; i <= ci + 3; i++) {
                sum += img.pixels()[j * size + i] + img.rescaleIntercept();
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void ctNumbersMatchTheTissueAtEachPlace() {
        double s = TRUNK.size();
        SyntheticImage chest = CrossSectionRenderer.ct(TRUNK, 130, 1, 1);
        assertEquals(-1000, meanHu(chest, 0, -190), 30, "air in front of the patient");
        assertEquals(-860, meanHu(chest, 100 * s, 40 * s), 60, "lung");
        assertTrue(meanHu(chest, 0, 60 * s) > 150, "vertebral body is bone");
        SyntheticImage liver = CrossSectionRenderer.ct(TRUNK, -60, 1, 2);
        assertEquals(118, meanHu(liver, -80 * s, -20 * s), 30, "contrast-enhanced liver");
    }

    @Test
    void renderingIsReproducibleAndSeedsMatter() {
        SyntheticImage a = CrossSectionRenderer.ct(TRUNK, 50, 1, 99);
        SyntheticImage b = CrossSectionRenderer.ct(TRUNK, 50, 1, 99);
        SyntheticImage c = CrossSectionRenderer.ct(TRUNK, 50, 1, 100);
        assertArrayEquals(a.pixels(), b.pixels());
        assertFalse(Arrays.equals(a.pixels(), c.pixels()), "noise follows the image seed");
        BodyPhantom other = BodyPhantom.create(BodyPhantom.Region.TRUNK, 8, true);
        assertFalse(Arrays.equals(a.pixels(), CrossSectionRenderer.ct(other, 50, 1, 99).pixels()),
                "anatomy follows the patient seed");
    }

    @Test
    void everyModalityStaysInsideItsBitDepth() {
        BodyPhantom head = BodyPhantom.create(BodyPhantom.Region.HEAD, 7, false);
        SyntheticImage[] images = {CrossSectionRenderer.mr(head, 100, 5, CrossSectionRenderer.Weighting.T2, 1),
            ProjectionRenderer.chest(TRUNK, 512, 512, true, 2),
            MammographyRenderer.render(MammographyRenderer.View.CC, true, 7, 3),
            UltrasoundRenderer.frame(7, 3, 10, 4)};
        for (SyntheticImage img : images) {
            int max = 0;
            int min = Integer.MAX_VALUE;
            for (short p : img.pixels()) {
                int v = p & 0xFFFF;
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            assertTrue(max < 1 << img.bitsStored(), "within " + img.bitsStored() + " bits");
            assertTrue(max - min > (1 << img.bitsStored()) / 8, "has contrast");
        }
    }

    @Test
    void instancesAreValidDicomThatReadsBack() throws IOException {
        SyntheticImage slice = CrossSectionRenderer.ct(TRUNK, 0, 1, 5);
        SyntheticInstance.Identity id = new SyntheticInstance.Identity("Jansen^Anna", "999999011",
                "2.16.840.1.113883.2.4.6.3", LocalDate.of(1961, 4, 2), "F", Uids.fromName("study"),
                LocalDateTime.of(2024, 5, 6, 10, 30), "CT thorax met contrast", "ACC123", "Ziekenhuis Rivierenland",
                Uids.fromName("series"), 2, "Thorax 1mm", "CT", "CHEST", Uids.fromName("sop"), 17);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(SyntheticInstance.create(id, slice), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, out);
        DicomFile f = DicomReader.read(out.toByteArray());
        assertTrue(f.warnings().isEmpty(), f.warnings().toString());
        assertEquals(SyntheticInstance.CT_IMAGE, f.sopClassUid());
        assertEquals("999999011", f.dataset().getString(Tag.PatientID));
        assertEquals(512, f.dataset().getInt(Tag.Rows, 0));
        assertEquals(-1024, f.dataset().getDouble(Tag.RescaleIntercept, 0));
        assertEquals(512 * 512 * 2, f.pixelData().frame(0).remaining());
        assertEquals(0, f.dataset().getDoubles(Tag.ImagePositionPatient)[2], 1e-6);
    }
}
