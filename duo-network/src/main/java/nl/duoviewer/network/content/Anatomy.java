package nl.duoviewer.network.content;

import nl.duoviewer.network.synthetic.BodyPhantom;

/**
 * Where in the synthetic body each catalogue body part lies: the phantom region and the height range (mm) that a
 * cross-sectional series covers or a radiograph shows.
 */
enum Anatomy {
    THORAX("Thorax", "CHEST", BodyPhantom.Region.TRUNK, 310, 330),
    ABDOMEN("Abdomen", "ABDOMEN", BodyPhantom.Region.TRUNK, 20, 330),
    THORAX_ABDOMEN("Thorax-abdomen", "CHESTABDOMEN", BodyPhantom.Region.TRUNK, 320, 660),
    BRAIN("Hersenen", "HEAD", BodyPhantom.Region.HEAD, 190, 200),
    LUMBAR_SPINE("Lumbale wervelkolom", "LSPINE", BodyPhantom.Region.TRUNK, -40, 280),
    CERVICAL_SPINE("Cervicale wervelkolom", "CSPINE", BodyPhantom.Region.HEAD, 60, 150),
    PELVIS("Bekken", "PELVIS", BodyPhantom.Region.TRUNK, -200, 150),
    HIP("Heup", "HIP", BodyPhantom.Region.TRUNK, -220, 130),
    SHOULDER("Schouder", "SHOULDER", BodyPhantom.Region.TRUNK, 330, 160),
    KNEE("Knie", "KNEE", BodyPhantom.Region.LIMB, 150, 300),
    HAND("Hand", "HAND", BodyPhantom.Region.LIMB, 100, 200),
    NECK("Hals", "NECK", BodyPhantom.Region.HEAD, 20, 120),
    BREAST("Mamma", "BREAST", BodyPhantom.Region.TRUNK, 250, 150);

    private final String dutch;
    private final String dicomCode;
    private final BodyPhantom.Region region;
    private final double zTop;
    private final double height;

    Anatomy(String dutch, String dicomCode, BodyPhantom.Region region, double zTop, double height) {
        this.dutch = dutch;
        this.dicomCode = dicomCode;
        this.region = region;
        this.zTop = zTop;
        this.height = height;
    }

    /** The anatomy for the catalogue's Dutch body part name; the chest when the name is unknown. */
    static Anatomy of(String dutchName) {
        for (Anatomy a : values()) {
            if (a.dutch.equalsIgnoreCase(dutchName)) {
                return a;
            }
        }
        return THORAX;
    }

    /** Body Part Examined (0018,0015) defined term. */
    String dicomCode() {
        return dicomCode;
    }

    BodyPhantom.Region region() {
        return region;
    }

    double zTop() {
        return zTop;
    }

    double height() {
        return height;
    }
}
