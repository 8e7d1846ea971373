package nl.duoviewer.network.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nl.duoviewer.network.synthetic.Shape.Ellipsoid;
import nl.duoviewer.network.synthetic.Shape.RingArc;
import nl.duoviewer.network.synthetic.Shape.Tube;

/**
 * A synthetic patient body built from simple solids with the attenuation of real tissue (Hounsfield units): the
 * trunk (chest, abdomen, pelvis, with lungs and their vessels, heart, great vessels, liver, spleen, kidneys, bowel,
 * spine and ribs) or the head (skull, grey and white matter, ventricles, orbits, sinuses). Body habitus and organ
 * positions vary with the patient's seed, so priors of one patient look alike and different patients differ.
 *
 * <p>Coordinates are DICOM patient coordinates in millimetres (x to the patient's left, y posterior, z superior).
 * The trunk runs from z = -350 (pelvis) to z = +330 (shoulders), with the diaphragm near z = 0; the head from
 * z = -60 (skull base and neck) to z = +200 (vertex).
 */
public final class BodyPhantom {

    /** Which part of the body a phantom models. */
    public enum Region {
        HEAD(-60, 200),
        TRUNK(-350, 330),
        /** A knee: femur above z = 0, tibia and fibula below, patella in front. */
        LIMB(-160, 160);

        private final double zMin;
        private final double zMax;

        Region(double zMin, double zMax) {
            this.zMin = zMin;
            this.zMax = zMax;
        }

        public double zMin() {
            return zMin;
        }

        public double zMax() {
            return zMax;
        }
    }

    static final double AIR = -1000;
    static final double FAT = -100;
    static final double MUSCLE = 45;
    static final double LUNG = -860;
    static final double BONE_CORTEX = 750;
    static final double BONE_MARROW = 230;
    static final double WATER = 8;

    private final Region region;
    private final double size;
    private final List<Shape> shapes = new ArrayList<>();
    /** The scanner table: in CT slices, not in radiographs (the detector sits behind it). */
    private Shape table;

    private BodyPhantom(Region region, double size) {
        this.region = region;
        this.size = size;
    }

    /**
     * Builds a phantom for a patient.
     *
     * @param patientSeed stable per patient: the same seed always gives the same anatomy
     * @param contrast    intravenous contrast: vessels, heart chambers and kidneys enhance
     */
    public static BodyPhantom create(Region region, long patientSeed, boolean contrast) {
        SplittableRandom rnd = new SplittableRandom(patientSeed);
        double size = 0.88 + rnd.nextDouble() * 0.24;
        BodyPhantom p = new BodyPhantom(region, size);
        if (region == Region.HEAD) {
            p.buildHead(rnd);
        } else if (region == Region.LIMB) {
            p.buildKnee(rnd);
        } else {
            p.buildTrunk(rnd, contrast);
        }
        return p;
    }

    public Region region() {
        return region;
    }

    /** Habitus scale, about 0.88 (slim) to 1.12 (large). */
    public double size() {
        return size;
    }

    /** Field of view that holds this body with a margin, in millimetres. */
    public double fieldOfViewMm() {
        return switch (region) {
            case HEAD -> 240;
            case LIMB -> 180;
            case TRUNK -> Math.round(400 * size / 10.0) * 10.0;
        };
    }

    /** Paints the cross-section at height {@code z} into the grid (tissue values in HU). */
    void paint(double z, SliceGrid grid, boolean withTable) {
        grid.clear((float) AIR);
        if (withTable && table != null) {
            table.paint(z, grid);
        }
        for (Shape s : shapes) {
            s.paint(z, grid);
        }
    }

    // ---------------------------------------------------------------------------------------------- trunk

    private void buildTrunk(SplittableRandom rnd, boolean contrast) {
        double s = size;
        double fat = 10 + rnd.nextDouble() * 22 * s;
        double blood = contrast ? 210 : 42;
        double enhancing = contrast ? 110 : 55;

        table = Tube.straight(-420, 420, 0, 124 * s + 22, 230, 7, -250);
        // body outline (fat) and the muscle wall inside it, following the trunk's profile
        double[][] profile = {{-350, 172, 112}, {-150, 160, 108}, {0, 166, 118}, {250, 172, 120}, {330, 196, 108}};
        for (int k = 0; k + 1 < profile.length; k++) {
            double[] a = profile[k];
            double[] b = profile[k + 1];
            shapes.add(new Tube(a[0], b[0], 0, 0, a[1] * s, a[2] * s, 0, 0, b[1] * s, b[2] * s, FAT));
        }
        for (int k = 0; k + 1 < profile.length; k++) {
            double[] a = profile[k];
            double[] b = profile[k + 1];
            shapes.add(new Tube(a[0], b[0], 0, 0, a[1] * s - fat, a[2] * s - fat * 0.8, 0, 0, b[1] * s - fat,
                    b[2] * s - fat * 0.8, MUSCLE));
        }
        // intra-abdominal fat so organs stand out
        shapes.add(new Tube(-330, 10, 0, -5, 140 * s - fat, 85 * s, 0, -5, 145 * s - fat, 95 * s, -90));

        // lungs, then their vessels
        double lungShift = (rnd.nextDouble() - 0.5) * 10;
        shapes.add(new Ellipsoid(78 * s, 5, 125 + lungShift, 62 * s, 84 * s, 175, LUNG));
        shapes.add(new Ellipsoid(-78 * s, 5, 120 + lungShift, 66 * s, 86 * s, 175, LUNG));
        addLungVessels(rnd, s, lungShift);

        // mediastinum: heart, great vessels, airways, oesophagus
        shapes.add(new Ellipsoid(25 * s, -30 * s, 95, 64 * s, 54 * s, 62, MUSCLE));
        shapes.add(new Ellipsoid(28 * s, -32 * s, 95, 44 * s, 36 * s, 44, blood));
        shapes.add(new Ellipsoid(-12 * s, -28 * s, 142, 15 * s, 20 * s, 20, blood)); // pulmonary trunk
        shapes.add(Tube.straight(95, 162, 4 * s, -14 * s, 15 * s, 15 * s, blood)); // ascending aorta
        shapes.add(new Ellipsoid(10 * s, 18 * s, 166, 17 * s, 40 * s, 13, blood)); // arch
        shapes.add(new Tube(-200, 166, 4 * s, 40 * s, 11 * s, 11 * s, 22 * s, 55 * s, 13 * s, 13 * s, blood));
        shapes.add(Tube.straight(110, 205, -30 * s, -10 * s, 10 * s, 10 * s, blood)); // superior vena cava
        shapes.add(Tube.straight(148, 340, 0, -8 * s, 9 * s, 8 * s, AIR)); // trachea
        shapes.add(new Ellipsoid(24 * s, -4 * s, 140, 6 * s, 6 * s, 18, AIR));
        shapes.add(new Ellipsoid(-24 * s, -4 * s, 140, 7 * s, 7 * s, 18, AIR));
        shapes.add(Tube.straight(-10, 300, 9 * s, 34 * s, 8 * s, 7 * s, 30));
        shapes.add(Tube.straight(100, 245, 0, -104 * s, 14 * s, 6 * s, BONE_CORTEX)); // sternum
        shapes.add(Tube.straight(100, 245, 0, -104 * s, 11 * s, 3.5 * s, BONE_MARROW));
        shapes.add(new Ellipsoid(96 * s, 92 * s, 250, 46 * s, 6 * s, 58, 600)); // scapulae
        shapes.add(new Ellipsoid(-96 * s, 92 * s, 250, 46 * s, 6 * s, 58, 600));

        // upper abdomen: liver (its dome shapes the right lung base), gallbladder, spleen, stomach, pancreas
        shapes.add(new Ellipsoid(-58 * s, -6, -38 + rnd.nextDouble() * 10, 102 * s, 86 * s, 88, enhancing - 50
                + (contrast ? 60 : 8)));
        for (int k = 0; k < 6; k++) {
            shapes.add(new Ellipsoid((-30 - rnd.nextDouble() * 60) * s, (-20 + rnd.nextDouble() * 40) * s,
                    -70 + rnd.nextDouble() * 60, 4 * s, 4 * s, 18, contrast ? 170 : 40));
        }
        shapes.add(new Ellipsoid(-42 * s, -58 * s, -92, 14 * s, 22 * s, 32, WATER));
        shapes.add(new Ellipsoid(96 * s, 44 * s, -38, 34 * s, 54 * s, 50, contrast ? 115 : 48));
        shapes.add(new Ellipsoid(50 * s, -42 * s, -48, 45 * s, 34 * s, 44, 25));
        shapes.add(new Ellipsoid(52 * s, -60 * s, -36, 30 * s, 14 * s, 28, -950)); // gastric air
        shapes.add(new Ellipsoid(22 * s, 14 * s, -108, 62 * s, 11 * s, 14, contrast ? 100 : 42));

        // kidneys with their collecting systems, psoas muscles, inferior vena cava, iliac arteries
        double renal = contrast ? 170 : 32;
        shapes.add(new Ellipsoid(72 * s, 56 * s, -122, 28 * s, 36 * s, 56, renal));
        shapes.add(new Ellipsoid(72 * s, 56 * s, -122, 9 * s, 12 * s, 20, WATER + 8));
        shapes.add(new Ellipsoid(-70 * s, 58 * s, -140, 28 * s, 36 * s, 56, renal));
        shapes.add(new Ellipsoid(-70 * s, 58 * s, -140, 9 * s, 12 * s, 20, WATER + 8));
        shapes.add(new Tube(-330, -140, 42 * s, 62 * s, 25 * s, 22 * s, 36 * s, 62 * s, 12 * s, 12 * s, 50));
        shapes.add(new Tube(-330, -140, -42 * s, 62 * s, 25 * s, 22 * s, -36 * s, 62 * s, 12 * s, 12 * s, 50));
        shapes.add(new Tube(-350, 20, -26 * s, 42 * s, 13 * s, 17 * s, -24 * s, 36 * s, 14 * s, 16 * s,
                contrast ? 130 : 40));
        shapes.add(new Tube(-300, -200, 45 * s, 40 * s, 7 * s, 7 * s, 6 * s, 40 * s, 9 * s, 9 * s, blood));
        shapes.add(new Tube(-300, -200, -45 * s, 40 * s, 7 * s, 7 * s, -6 * s, 40 * s, 9 * s, 9 * s, blood));

        addBowel(rnd, s);
        // pelvis: bladder and iliac wings
        shapes.add(new Ellipsoid(0, -48 * s, -340, 46 * s, 34 * s, 36, WATER));
        shapes.add(new Ellipsoid(100 * s, 38 * s, -292, 14 * s, 62 * s, 52, 520));
        shapes.add(new Ellipsoid(-100 * s, 38 * s, -292, 14 * s, 62 * s, 52, 520));

        addSpine(s, -350, 330, 60 * s);
        addRibs(s);
    }

    private void addLungVessels(SplittableRandom rnd, double s, double shift) {
        for (int side = -1; side <= 1; side += 2) {
            double hilumX = side * 42 * s;
            for (int k = 0; k < 900; k++) {
                double u = rnd.nextDouble() * 2 - 1;
                double v = rnd.nextDouble() * 2 - 1;
                double w = rnd.nextDouble() * 2 - 1;
                if (u * u + v * v + w * w > 0.78) {
                    continue;
                }
                double x = side * 78 * s + u * 62 * s;
                double y = 5 + v * 84 * s;
                double z = 122 + shift + w * 175;
                double distance = Math.hypot(x - hilumX, Math.hypot(y, (z - 140) * 0.6));
                double r = Math.max(0.8, 7 - distance / 14);
                shapes.add(new Ellipsoid(x, y, z, r * s, r * s, 6 + rnd.nextDouble() * 22, 40));
            }
        }
    }

    private void addBowel(SplittableRandom rnd, double s) {
        for (int k = 0; k < 34; k++) {
            double angle = rnd.nextDouble() * 2 * Math.PI;
            double radius = Math.sqrt(rnd.nextDouble()) * 0.8;
            double x = Math.cos(angle) * radius * 110 * s;
            double y = -20 * s + Math.sin(angle) * radius * 60 * s;
            double z = -320 + rnd.nextDouble() * 170;
            double r = (11 + rnd.nextDouble() * 11) * s;
            double content = rnd.nextDouble();
            double value = content < 0.3 ? -930 : content < 0.4 ? 320 : 22;
            shapes.add(new Ellipsoid(x, y, z, r, r * (0.8 + rnd.nextDouble() * 0.4), 14 + rnd.nextDouble() * 26,
                    value));
        }
        // ascending and descending colon with gas
        shapes.add(Tube.straight(-300, -80, -108 * s, 5 * s, 21 * s, 21 * s, -920));
        shapes.add(Tube.straight(-300, -60, 108 * s, 18 * s, 18 * s, 18 * s, -920));
    }

    private void addSpine(double s, double zFrom, double zTo, double y) {
        double height = 24;
        double disc = 7;
        for (double z = zFrom; z < zTo; z += height + disc) {
            double top = Math.min(zTo, z + height);
            shapes.add(Tube.straight(z, top, 0, y, 23 * s, 18 * s, BONE_CORTEX));
            shapes.add(Tube.straight(z + 1.5, top - 1.5, 0, y, 19.5 * s, 14.5 * s, BONE_MARROW));
            shapes.add(Tube.straight(top, Math.min(zTo, top + disc), 0, y, 21 * s, 16 * s, 85));
            double mid = (z + top) / 2;
            shapes.add(new RingArc(mid, height / 2, 0, y + 28 * s, 13 * s, 12 * s, 6 * s, 15, 165, 0, BONE_CORTEX));
            shapes.add(new Ellipsoid(0, y + 52 * s, mid, 5 * s, 17 * s, 10, 620));
            shapes.add(new Ellipsoid(30 * s, y + 20 * s, mid, 15 * s, 6 * s, 7, 560));
            shapes.add(new Ellipsoid(-30 * s, y + 20 * s, mid, 15 * s, 6 * s, 7, 560));
        }
        shapes.add(Tube.straight(zFrom, zTo, 0, y + 28 * s, 8 * s, 8 * s, 25)); // spinal canal and cord
    }

    private void addRibs(double s) {
        for (int k = 0; k < 11; k++) {
            double z = 282 - k * 26;
            double rx = (166 + k * 0.5) * s - 16;
            double ry = 112 * s - 14;
            shapes.add(new RingArc(z, 5, 0, 8 * s, rx, ry, 8, 290, 78, 32, BONE_CORTEX));
            shapes.add(new RingArc(z, 5, 0, 8 * s, rx, ry, 8, 102, 250, 32, BONE_CORTEX));
        }
    }

    // ---------------------------------------------------------------------------------------------- knee

    private void buildKnee(SplittableRandom rnd) {
        double s = size;
        table = Tube.straight(-300, 300, 0, 68 * s + 12, 150, 5, -250);
        shapes.add(new Tube(-160, 160, 0, 0, 52 * s, 50 * s, 0, 0, 68 * s, 62 * s, FAT));
        shapes.add(new Tube(-160, 160, 0, 0, 46 * s, 44 * s, 0, 0, 60 * s, 55 * s, MUSCLE));
        // femur shaft flaring into the condyles, tibia plateau narrowing into the shaft
        shapes.add(new Tube(20, 160, 0, 5, 38 * s, 30 * s, 0, 0, 15 * s, 15 * s, BONE_CORTEX));
        shapes.add(new Tube(22, 158, 0, 5, 34 * s, 26 * s, 0, 0, 10 * s, 10 * s, BONE_MARROW - 120));
        shapes.add(new Ellipsoid(20 * s, 8 * s, 18, 20 * s, 24 * s, 20, BONE_CORTEX));
        shapes.add(new Ellipsoid(-20 * s, 8 * s, 18, 20 * s, 24 * s, 20, BONE_CORTEX));
        shapes.add(new Ellipsoid(20 * s, 8 * s, 18, 17 * s, 21 * s, 17, BONE_MARROW - 120));
        shapes.add(new Ellipsoid(-20 * s, 8 * s, 18, 17 * s, 21 * s, 17, BONE_MARROW - 120));
        shapes.add(new Tube(-160, -6, 0, 6, 14 * s, 14 * s, 0, 6, 38 * s, 30 * s, BONE_CORTEX));
        shapes.add(new Tube(-158, -8, 0, 6, 10 * s, 10 * s, 0, 6, 34 * s, 26 * s, BONE_MARROW - 120));
        shapes.add(Tube.straight(-160, -20, 30 * s, 12 * s, 8 * s, 8 * s, BONE_CORTEX)); // fibula
        shapes.add(new Ellipsoid(0, -40 * s, 30 + rnd.nextDouble() * 8, 22 * s, 9 * s, 22, BONE_CORTEX)); // patella
        shapes.add(new Ellipsoid(0, -40 * s, 30, 18 * s, 6 * s, 18, BONE_MARROW - 120));
        shapes.add(new Ellipsoid(0, 8 * s, 0, 34 * s, 22 * s, 3, WATER + 15)); // joint space and menisci
        shapes.add(new Ellipsoid(0, -20 * s, 50, 24 * s, 8 * s, 30, WATER)); // suprapatellar recess
    }

    // ---------------------------------------------------------------------------------------------- head

    private void buildHead(SplittableRandom rnd) {
        double s = 0.94 + (size - 0.88) * 0.5;
        shapes.add(Tube.straight(-100, 10, 0, 5, 56 * s, 60 * s, MUSCLE)); // neck
        shapes.add(new Ellipsoid(0, -38 * s, 26, 62 * s, 70 * s, 50, 40)); // face
        shapes.add(new Ellipsoid(0, 0, 88, 76 * s, 96 * s, 112, 40)); // scalp
        shapes.add(new Ellipsoid(0, 0, 88, 71 * s, 91 * s, 107, 1250)); // skull
        shapes.add(new Ellipsoid(0, 0, 90, 65 * s, 85 * s, 100, WATER)); // CSF space
        shapes.add(new Ellipsoid(0, 0, 90, 63 * s, 83 * s, 97, 38)); // grey matter
        shapes.add(new Ellipsoid(0, 2, 98, 50 * s, 68 * s, 74, 28)); // white matter
        double asym = (rnd.nextDouble() - 0.5) * 3;
        shapes.add(new Ellipsoid(9 * s + asym, -4, 100, 6 * s, 28 * s, 18, 6)); // lateral ventricles
        shapes.add(new Ellipsoid(-9 * s + asym, -4, 100, 6 * s, 28 * s, 18, 6));
        shapes.add(new Ellipsoid(0, 4, 84, 2.5 * s, 12 * s, 10, 6)); // third ventricle
        shapes.add(new Ellipsoid(20 * s, -6, 88, 10 * s, 14 * s, 12, 42)); // basal ganglia
        shapes.add(new Ellipsoid(-20 * s, -6, 88, 10 * s, 14 * s, 12, 42));
        shapes.add(new Ellipsoid(0, 1, 176, 1.5, 60 * s, 25, 700)); // falx calcification
        // posterior fossa and skull base
        shapes.add(new Ellipsoid(30 * s, 44 * s, 36, 30 * s, 30 * s, 26, 36)); // cerebellum
        shapes.add(new Ellipsoid(-30 * s, 44 * s, 36, 30 * s, 30 * s, 26, 36));
        shapes.add(new Ellipsoid(0, 16 * s, 44, 13 * s, 14 * s, 30, 32)); // brainstem
        shapes.add(new Ellipsoid(0, 30 * s, 46, 5 * s, 8 * s, 8, 6)); // fourth ventricle
        shapes.add(new Ellipsoid(40 * s, 8 * s, 34, 26 * s, 11 * s, 10, 1600)); // petrous bones
        shapes.add(new Ellipsoid(-40 * s, 8 * s, 34, 26 * s, 11 * s, 10, 1600));
        shapes.add(new Ellipsoid(50 * s, 26 * s, 30, 10 * s, 10 * s, 10, -700)); // mastoid air cells
        shapes.add(new Ellipsoid(-50 * s, 26 * s, 30, 10 * s, 10 * s, 10, -700));
        // face: orbits with globes, sinuses, nasal cavity
        for (int side = -1; side <= 1; side += 2) {
            shapes.add(new Ellipsoid(side * 33 * s, -74 * s, 40, 20 * s, 22 * s, 18, -80));
            shapes.add(new Ellipsoid(side * 33 * s, -82 * s, 40, 12 * s, 12 * s, 12, 12));
            shapes.add(new Ellipsoid(side * 34 * s, -62 * s, 8, 18 * s, 20 * s, 20, -980));
        }
        shapes.add(new Ellipsoid(0, -70 * s, 20, 10 * s, 30 * s, 30, -980));
        shapes.add(new Ellipsoid(0, -84 * s, 72, 14 * s, 5 * s, 9, -980)); // frontal sinus
        addSpine(s * 0.7, -100, -25, 22 * s);
    }
}
