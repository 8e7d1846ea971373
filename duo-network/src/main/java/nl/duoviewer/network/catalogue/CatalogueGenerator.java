package nl.duoviewer.network.catalogue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import nl.duoviewer.core.patient.Bsn;

/**
 * Generates the demo catalogue procedurally from a seed: the same seed gives the same patients, studies and UIDs.
 * Studies span ten years before a fixed reference date (not "now", so the catalogue does not drift), across the
 * three networks and many institutions, with priors of the same body part, reports for most studies, one study
 * published by two institutions and one large CT for performance work.
 */
public final class CatalogueGenerator {

    /** Default seed of the demo network. */
    public static final long DEFAULT_SEED = 20251001L;
    /** The newest possible study date. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    /** The patient who has the doubly published study and the large CT. */
    public static final Bsn SHOWCASE_PATIENT = Bsn.parse("999999011");
    /** Slices in the performance CT series. */
    public static final int PERFORMANCE_SLICES = 1200;

    private record BodyPart(String code, String name) {
    }

    private static final BodyPart THORAX = new BodyPart("51185008", "Thorax");
    private static final BodyPart ABDOMEN = new BodyPart("818983003", "Abdomen");
    private static final BodyPart HERSENEN = new BodyPart("12738006", "Hersenen");
    private static final BodyPart KNIE = new BodyPart("72696002", "Knie");
    private static final BodyPart LWK = new BodyPart("122496007", "Lumbale wervelkolom");
    private static final BodyPart CWK = new BodyPart("122494005", "Cervicale wervelkolom");
    private static final BodyPart MAMMA = new BodyPart("76752008", "Mamma");
    private static final BodyPart BEKKEN = new BodyPart("12921003", "Bekken");
    private static final BodyPart SCHOUDER = new BodyPart("16982005", "Schouder");
    private static final BodyPart HAND = new BodyPart("85562004", "Hand");
    private static final BodyPart HALS = new BodyPart("45048000", "Hals");
    private static final BodyPart HEUP = new BodyPart("24136001", "Heup");

    private record Name(String given, String family, String sex) {
    }

    private static final List<Name> NAMES = List.of(
            new Name("Jan", "de Vries", "M"), new Name("Fatima", "El Amrani", "F"),
            new Name("Sanne", "Jansen", "F"), new Name("Pieter", "van den Berg", "M"),
            new Name("Anouk", "Bakker", "F"), new Name("Mehmet", "Yılmaz", "M"),
            new Name("Willemijn", "Visser", "F"));

    private final long seed;

    public CatalogueGenerator(long seed) {
        this.seed = seed;
    }

    /** The default demo catalogue. */
    public static DemoCatalogue demo() {
        return new CatalogueGenerator(DEFAULT_SEED).generate();
    }

    public DemoCatalogue generate() {
        List<Institution> institutions = institutions();
        List<Bsn> bsns = bsns(NAMES.size());
        List<DemoPatient> patients = new ArrayList<>();
        for (int p = 0; p < bsns.size(); p++) {
            patients.add(patient(p, bsns.get(p), institutions));
        }
        return new DemoCatalogue(institutions, patients);
    }

    private static List<Institution> institutions() {
        String[][] rows = {
            {"FOUNDA", "Amsterdam UMC", "V5"}, {"FOUNDA", "OLVG", "V4"}, {"FOUNDA", "Spaarne Gasthuis", "V4"},
            {"FOUNDA", "Rode Kruis Ziekenhuis", "V4"}, {"FOUNDA", "Dijklander Ziekenhuis", "V4"},
            {"ENOVATION", "Erasmus MC", "V5"}, {"ENOVATION", "Maasstad Ziekenhuis", "V4"},
            {"ENOVATION", "Ikazia Ziekenhuis", "V4"}, {"ENOVATION", "Albert Schweitzer ziekenhuis", "V4"},
            {"ENOVATION", "Diagnostiek voor U", "Z5"},
            {"ALPHATRON", "UMC Utrecht", "V5"}, {"ALPHATRON", "St. Antonius Ziekenhuis", "V4"},
            {"ALPHATRON", "Meander Medisch Centrum", "V4"}, {"ALPHATRON", "Rijnstate", "V4"},
            {"ALPHATRON", "Saxenburgh Medisch Centrum", "V4"},
        };
        List<Institution> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Network n = Network.valueOf(rows[i][0]);
            String ura = String.valueOf(90_000_101 + i * 1_317);
            out.add(new Institution(rows[i][1], ura, rows[i][2], n, n.oid() + ".2." + (i + 1),
                    n.oid() + ".3." + (i + 1)));
        }
        return out;
    }

    /** 999999011 first, then the next valid test BSNs of the 99999xxxx range. */
    static List<Bsn> bsns(int count) {
        List<Bsn> out = new ArrayList<>();
        out.add(SHOWCASE_PATIENT);
        for (int n = 999_990_000; out.size() < count && n < 999_999_999; n++) {
            String s = Integer.toString(n);
            if (Bsn.isValid(s) && !s.equals(SHOWCASE_PATIENT.value())) {
                out.add(Bsn.parse(s));
            }
        }
        return out;
    }

    private DemoPatient patient(int index, Bsn bsn, List<Institution> all) {
        Random r = new Random(seed * 31 + index);
        Name name = NAMES.get(index);
        LocalDate birth = LocalDate.of(1940 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28));
        boolean showcase = bsn.equals(SHOWCASE_PATIENT);
        int count = showcase ? 42 : 5 + r.nextInt(56);
        // each patient mostly visits a few institutions, one per network first so every network holds data
        List<Institution> home = new ArrayList<>();
        for (Network n : Network.values()) {
            List<Institution> inNet = all.stream().filter(i -> i.network() == n).toList();
            home.add(inNet.get(r.nextInt(inNet.size())));
        }
        home.add(all.get(r.nextInt(all.size())));
        BodyPart chronic = List.of(THORAX, LWK, KNIE, HERSENEN, ABDOMEN).get(r.nextInt(5));
        String chronicModality = switch (chronic.name()) {
            case "Knie", "Hersenen" -> "MR";
            case "Abdomen" -> "CT";
            default -> r.nextBoolean() ? "CT" : "CR";
        };

        List<DemoStudy> studies = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Institution inst = s < home.size() ? home.get(s)
                    : r.nextInt(10) < 8 ? home.get(r.nextInt(home.size())) : all.get(r.nextInt(all.size()));
            String modality;
            BodyPart part;
            if (s >= Network.values().length && r.nextInt(10) < 3) {
                modality = chronicModality; // a prior of the same body part
                part = chronic;
            } else {
                modality = modality(r, name.sex());
                part = bodyPart(r, modality);
            }
            LocalDateTime when = REFERENCE_DATE.minusDays(1 + r.nextInt(3650))
                    .atTime(LocalTime.of(8 + r.nextInt(9), r.nextInt(12) * 5));
            String key = "study|" + seed + "|" + index + "|" + s;
            String studyUid = uid(key);
            List<DemoSeries> series = series(r, studyUid, modality, part);
            List<Publication> pubs = new ArrayList<>(List.of(new Publication(inst, studyUid + ".999.1")));
            Optional<DemoReport> report = r.nextInt(10) < 6
                    ? Optional.of(new DemoReport(studyUid + ".998.1", "Verslag " + description(modality, part),
                    when.plusHours(2 + r.nextInt(48)), inst, format(studyUid + ".998.1")))
                    : Optional.empty();
            studies.add(new DemoStudy(studyUid, accession(r), when, modality, part.code(), part.name(),
                    description(modality, part), series, pubs, report, false));
        }
        if (showcase) {
            decorateShowcase(r, studies, all);
        }
        studies.sort(Comparator.comparing(DemoStudy::dateTime));
        List<DemoStudy> reportOnly = reportOnly(index, name.sex(), home, showcase);
        return new DemoPatient(bsn, name.given(), name.family(), birth, name.sex(), studies, reportOnly);
    }

    /**
     * The format of a generated report, from its UID rather than the patient's random sequence, so that adding
     * formats did not move any study: PDF 4 in 10, CDA 3, DICOM SR 2, text 1.
     */
    private static DemoReport.Format format(String documentUid) {
        int k = Math.floorMod(documentUid.hashCode(), 10);
        return k < 4 ? DemoReport.Format.PDF : k < 7 ? DemoReport.Format.CDA : k < 9 ? DemoReport.Format.SR
                : DemoReport.Format.TEXT;
    }

    /**
     * Studies of which only the report was shared (the images stayed at the institution): the showcase patient has
     * two (a CDA and a text report in different networks), others none or one. Drawn from their own random sequence
     * so the shared studies stay as they were.
     */
    private List<DemoStudy> reportOnly(int index, String sex, List<Institution> home, boolean showcase) {
        Random r = new Random(seed * 37 + index + 7_919);
        int count = showcase ? 2 : r.nextInt(2);
        List<DemoStudy> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Institution inst = showcase ? home.get(i + 1) : home.get(r.nextInt(home.size()));
            String modality = showcase ? (i == 0 ? "MR" : "US") : modality(r, sex);
            BodyPart part = showcase ? (i == 0 ? KNIE : HALS) : bodyPart(r, modality);
            LocalDateTime when = REFERENCE_DATE.minusDays(30 + r.nextInt(3000))
                    .atTime(LocalTime.of(8 + r.nextInt(9), r.nextInt(12) * 5));
            String uid = uid("report-only|" + seed + "|" + index + "|" + i);
            DemoReport.Format format = showcase ? (i == 0 ? DemoReport.Format.CDA : DemoReport.Format.TEXT)
                    : format(uid + ".998.1");
            DemoReport report = new DemoReport(uid + ".998.1", "Verslag " + description(modality, part),
                    when.plusHours(3), inst, format);
            out.add(new DemoStudy(uid, accession(r), when, modality, part.code(), part.name(),
                    description(modality, part), List.of(), List.of(), Optional.of(report), false));
        }
        out.sort(Comparator.comparing(DemoStudy::dateTime));
        return out;
    }

    /** One study published by a second institution in another network, and the large CT. */
    private void decorateShowcase(Random r, List<DemoStudy> studies, List<Institution> all) {
        DemoStudy first = studies.getFirst();
        Network other = first.institution().network() == Network.ENOVATION ? Network.FOUNDA : Network.ENOVATION;
        Institution second = all.stream().filter(i -> i.network() == other).findFirst().orElseThrow();
        List<Publication> pubs = new ArrayList<>(first.publications());
        pubs.add(new Publication(second, first.studyInstanceUid() + ".999.2"));
        studies.set(0, new DemoStudy(first.studyInstanceUid(), first.accessionNumber(), first.dateTime(),
                first.modality(), first.bodyPartCode(), first.bodyPart(), first.description(), first.series(), pubs,
                first.report(), false));

        Institution founda = all.stream().filter(i -> i.network() == Network.FOUNDA).findFirst().orElseThrow();
        String uid = uid("performance|" + seed);
        List<DemoSeries> series = List.of(
                new DemoSeries(uid + ".1", 1, "CT", "Topogram", 2),
                new DemoSeries(uid + ".2", 2, "CT", "Thorax-abdomen 0.6 Br40", PERFORMANCE_SLICES),
                new DemoSeries(uid + ".3", 3, "CT", "Thorax-abdomen 3.0 Br40 coronaal", 160));
        LocalDateTime when = REFERENCE_DATE.minusDays(20).atTime(10, 15);
        studies.add(new DemoStudy(uid, accession(r), when, "CT", ABDOMEN.code(), "Thorax-abdomen",
                "CT thorax-abdomen met contrast", series, List.of(new Publication(founda, uid + ".999.1")),
                Optional.of(new DemoReport(uid + ".998.1", "Verslag CT thorax-abdomen", when.plusHours(3), founda,
                        DemoReport.Format.PDF)),
                true));
        everyReportFormatOnce(studies);
        followUpPair(r, studies, all);
    }

    /** Study Instance UID of the showcase patient's CT thorax follow-up (see {@link #followUpPair}). */
    public static String followUpStudyUid(long seed) {
        return uid("follow-up|" + seed);
    }

    /** Study Instance UID of the prior of the follow-up, which shares its Frame of Reference. */
    public static String followUpPriorUid(long seed) {
        return uid("follow-up-prior|" + seed);
    }

    /**
     * A CT thorax follow-up and its prior half a year before, at the same hospital, whose series all share one Frame
     * of Reference (the department registers follow-ups to the first scan): comparing them scrolls by slice
     * position. The slice counts differ (60 and 20 at 1 mm and 3 mm steps over the same range), so matching by
     * position differs from matching by relative position. Added after the other decorations so that no earlier
     * study changes.
     */
    private void followUpPair(Random r, List<DemoStudy> studies, List<Institution> all) {
        Institution founda = all.stream().filter(i -> i.network() == Network.FOUNDA).findFirst().orElseThrow();
        String frameOfReference = uid("follow-up-frame-of-reference|" + seed);
        String current = followUpStudyUid(seed);
        String prior = followUpPriorUid(seed);
        LocalDateTime now = REFERENCE_DATE.minusDays(6).atTime(9, 40);
        LocalDateTime before = now.minusMonths(6).withHour(11).withMinute(5);
        String description = "CT thorax follow-up";
        studies.add(new DemoStudy(current, accession(r), now, "CT", THORAX.code(), THORAX.name(), description,
                List.of(new DemoSeries(current + ".1", 1, "CT", "Thorax 1.0 B70f", 60, frameOfReference),
                        new DemoSeries(current + ".2", 2, "CT", "Thorax 3.0 Br40", 24, frameOfReference)),
                List.of(new Publication(founda, current + ".999.1")),
                Optional.of(new DemoReport(current + ".998.1", "Verslag CT thorax follow-up", now.plusHours(2),
                        founda, DemoReport.Format.CDA)),
                false));
        studies.add(new DemoStudy(prior, accession(r), before, "CT", THORAX.code(), THORAX.name(), description,
                List.of(new DemoSeries(prior + ".1", 1, "CT", "Thorax 3.0 Br40", 20, frameOfReference),
                        new DemoSeries(prior + ".2", 2, "CT", "Thorax 1.0 B70f", 48, frameOfReference)),
                List.of(new Publication(founda, prior + ".999.1")),
                Optional.of(new DemoReport(prior + ".998.1", "Verslag CT thorax", before.plusHours(3), founda,
                        DemoReport.Format.PDF)),
                false));
    }

    /**
     * The four smallest reported studies of the showcase patient get one report format each (CDA, DICOM SR, text,
     * PDF), so the demo and the tests find every format on studies that open quickly.
     */
    private static void everyReportFormatOnce(List<DemoStudy> studies) {
        List<DemoStudy> small = studies.stream()
                .filter(s -> s.report().isPresent() && !s.performanceStudy() && s.publications().size() == 1)
                .sorted(Comparator.comparingInt(DemoStudy::instanceCount).thenComparing(DemoStudy::studyInstanceUid))
                .limit(4).toList();
        DemoReport.Format[] formats = {DemoReport.Format.CDA, DemoReport.Format.SR, DemoReport.Format.TEXT,
            DemoReport.Format.PDF};
        for (int i = 0; i < small.size(); i++) {
            DemoStudy s = small.get(i);
            DemoReport r = s.report().orElseThrow();
            studies.set(studies.indexOf(s), new DemoStudy(s.studyInstanceUid(), s.accessionNumber(), s.dateTime(),
                    s.modality(), s.bodyPartCode(), s.bodyPart(), s.description(), s.series(), s.publications(),
                    Optional.of(new DemoReport(r.documentUid(), r.title(), r.dateTime(), r.institution(),
                            formats[i])), s.performanceStudy()));
        }
    }

    private static String modality(Random r, String sex) {
        int x = r.nextInt(100);
        if (x < 25) {
            return "CT";
        }
        if (x < 45) {
            return "MR";
        }
        if (x < 60) {
            return "CR";
        }
        if (x < 75) {
            return "DX";
        }
        if (x < 90 || !"F".equals(sex)) {
            return "US";
        }
        return "MG";
    }

    private static BodyPart bodyPart(Random r, String modality) {
        List<BodyPart> options = switch (modality) {
            case "CT" -> List.of(THORAX, ABDOMEN, HERSENEN, LWK, BEKKEN);
            case "MR" -> List.of(HERSENEN, KNIE, LWK, SCHOUDER, CWK);
            case "CR", "DX" -> List.of(THORAX, KNIE, HAND, HEUP, SCHOUDER, LWK);
            case "US" -> List.of(ABDOMEN, HALS, MAMMA);
            default -> List.of(MAMMA);
        };
        return options.get(r.nextInt(options.size()));
    }

    private static String description(String modality, BodyPart part) {
        String p = part.name().toLowerCase(java.util.Locale.ROOT);
        return switch (modality) {
            case "CT" -> "CT " + p + (p.equals("hersenen") ? " blanco" : " met contrast");
            case "MR" -> "MRI " + p;
            case "CR", "DX" -> "X-" + p;
            case "US" -> "Echo " + p;
            default -> "Mammografie";
        };
    }

    private static List<DemoSeries> series(Random r, String studyUid, String modality, BodyPart part) {
        List<DemoSeries> out = new ArrayList<>();
        switch (modality) {
            case "CT" -> {
                out.add(new DemoSeries(studyUid + ".1", 1, "CT", "Topogram", 1));
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    out.add(new DemoSeries(studyUid + "." + (i + 2), i + 2, "CT",
                            part.name() + (i == 0 ? " 1.0 B70f" : " 3.0 Br40"), 30 + r.nextInt(90)));
                }
            }
            case "MR" -> {
                String[] seq = {"T1 sag", "T2 tra", "T2 FLAIR", "DWI", "T1 cor post-contrast", "PD fs"};
                int n = 3 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    out.add(new DemoSeries(studyUid + "." + (i + 1), i + 1, "MR", seq[i], 12 + r.nextInt(30)));
                }
            }
            case "CR", "DX" -> {
                int n = 1 + r.nextInt(2);
                for (int i = 0; i < n; i++) {
                    out.add(new DemoSeries(studyUid + "." + (i + 1), i + 1, modality, i == 0 ? "AP" : "Lateraal", 1));
                }
            }
            case "US" -> out.add(new DemoSeries(studyUid + ".1", 1, "US", "Echo", 4 + r.nextInt(20)));
            default -> {
                String[] views = {"R CC", "L CC", "R MLO", "L MLO"};
                for (int i = 0; i < views.length; i++) {
                    out.add(new DemoSeries(studyUid + "." + (i + 1), i + 1, "MG", views[i], 1));
                }
            }
        }
        return out;
    }

    private static String accession(Random r) {
        return String.format("RAD%08d", r.nextInt(100_000_000));
    }

    /** A 2.25 UID derived from a name, so it is stable for the seed. */
    static String uid(String name) {
        UUID u = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
