package nl.duoviewer.bench.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.duoviewer.network.catalogue.CatalogueGenerator;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;

/**
 * The studies the end-to-end run loads, all of the demo catalogue's showcase patient: the large CT kept for
 * performance work (1362 images) and a typical CT and MR of 100-250 images. Typical studies are taken from a
 * community that offers WADO-RS as well as RAD-75, so that both paths load the same bytes; the choice depends only
 * on the catalogue seed, so every process picks the same studies.
 */
public final class BenchStudies {

    /** One study with the short label the tables use. */
    public record BenchStudy(String label, DemoStudy study) {

        public String uid() {
            return study.studyInstanceUid();
        }
    }

    private static final int TYPICAL_MIN = 100;
    private static final int TYPICAL_MAX = 250;
    private static final int TYPICAL_TARGET = 200;

    private BenchStudies() {
    }

    public static DemoCatalogue catalogue() {
        return new CatalogueGenerator(CatalogueGenerator.DEFAULT_SEED).generate();
    }

    public static DemoPatient patient(DemoCatalogue catalogue) {
        return catalogue.patient(CatalogueGenerator.SHOWCASE_PATIENT).orElseThrow(
                () -> new IllegalStateException("the demo catalogue has no showcase patient"));
    }

    /** Large CT, typical CT, typical MR, in that order. */
    public static List<BenchStudy> select(DemoCatalogue catalogue) {
        DemoPatient p = patient(catalogue);
        List<BenchStudy> out = new ArrayList<>();
        DemoStudy large = catalogue.performanceStudy();
        out.add(new BenchStudy(label("ct", large), large));
        typical(p, "CT").ifPresent(s -> out.add(new BenchStudy(label("ct", s), s)));
        typical(p, "MR").ifPresent(s -> out.add(new BenchStudy(label("mr", s), s)));
        return List.copyOf(out);
    }

    /** The study with this label, e.g. {@code ct-1362}. */
    public static BenchStudy byLabel(DemoCatalogue catalogue, String label) {
        return select(catalogue).stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no benchmark study labelled " + label));
    }

    private static Optional<DemoStudy> typical(DemoPatient p, String modality) {
        return p.studies().stream()
                .filter(s -> !s.performanceStudy() && s.modality().equals(modality))
                .filter(s -> s.publications().size() == 1 && s.institution().network() == Network.FOUNDA)
                .filter(s -> s.instanceCount() >= TYPICAL_MIN && s.instanceCount() <= TYPICAL_MAX)
                .min(Comparator.comparingInt((DemoStudy s) -> Math.abs(s.instanceCount() - TYPICAL_TARGET))
                        .thenComparing(DemoStudy::studyInstanceUid));
    }

    private static String label(String prefix, DemoStudy s) {
        return prefix + "-" + s.instanceCount();
    }
}
