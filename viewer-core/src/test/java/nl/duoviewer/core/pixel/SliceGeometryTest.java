package nl.duoviewer.core.pixel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;

class SliceGeometryTest {

    private static DicomObject slice(String frameOfReference, double[] position, double... orientation) {
        DicomObject ds = new DicomObject();
        if (frameOfReference != null) {
            ds.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReference);
        }
        ds.setDouble(Tag.ImagePositionPatient, VR.DS, position);
        ds.setDouble(Tag.ImageOrientationPatient, VR.DS, orientation);
        return ds;
    }

    @Test
    void anAxialSliceLiesAtItsZAlongTheNormal() {
        SliceGeometry g = SliceGeometry.of(slice("1.2.3", new double[] {-175, -180, -42.5}, 1, 0, 0, 0, 1, 0), 1);
        assertNotNull(g);
        assertEquals("1.2.3", g.frameOfReferenceUid());
        assertArrayEquals(new double[] {0, 0, 1}, g.normal(), 1e-12);
        assertEquals(-42.5, g.distanceAlong(g.normal()), 1e-9);
    }

    @Test
    void aCoronalSliceLiesAtItsYAlongTheNormal() {
        // rows run towards the patient's left (+x), columns towards the feet (-z): x cross -z is +y (posterior)
        SliceGeometry g = SliceGeometry.of(slice("1.2.3", new double[] {-200, 17, 100}, 1, 0, 0, 0, 0, -1), 1);
        assertArrayEquals(new double[] {0, 1, 0}, g.normal(), 1e-12);
        assertEquals(17, g.distanceAlong(g.normal()), 1e-9);
        SliceGeometry axial = SliceGeometry.of(slice("1.2.3", new double[] {0, 0, 0}, 1, 0, 0, 0, 1, 0), 1);
        assertFalse(g.parallelTo(axial));
        assertTrue(g.parallelTo(g));
    }

    @Test
    void withoutAFrameOfReferenceOrWithBrokenVectorsThereIsNoGeometry() {
        assertNull(SliceGeometry.of(slice(null, new double[] {0, 0, 0}, 1, 0, 0, 0, 1, 0), 1));
        assertNull(SliceGeometry.of(slice("1.2", new double[] {0, 0}, 1, 0, 0, 0, 1, 0), 1), "two coordinates");
        assertNull(SliceGeometry.of(slice("1.2", new double[] {0, 0, 0}, 2, 0, 0, 0, 1, 0), 1), "not unit length");
        assertNull(SliceGeometry.of(slice("1.2", new double[] {0, 0, 0}, 1, 0, 0, 1, 0, 0), 1), "not perpendicular");
        assertNull(SliceGeometry.of(slice("1.2", new double[] {0, 0, 0}, 1, 0, 0, 0, 1, 0), 40), "multi-frame");
    }
}
