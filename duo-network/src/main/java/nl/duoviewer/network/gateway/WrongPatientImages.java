package nl.duoviewer.network.gateway;

import java.util.Comparator;
import java.util.Optional;

import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;

/**
 * The wrong-patient fault of image retrieves: which real image of another patient a gateway serves in place of the one
 * asked for. The other patient is the first one in the catalogue with a study of the same modality, so the image is
 * a valid object in the same transfer syntax, only of someone else.
 */
public final class WrongPatientImages {

    /** An instance of the catalogue. */
    public record Instance(DemoStudy study, DemoSeries series, int index) {
    }

    private WrongPatientImages() {
    }

    /** Another patient's instance to serve for instance {@code index} of {@code series} of {@code study}. */
    public static Optional<Instance> substitute(DemoCatalogue catalogue, DemoStudy study, DemoSeries series,
                                                int index) {
        DemoPatient owner = catalogue.patientOfStudy(study.studyInstanceUid()).orElse(null);
        return catalogue.patients().stream()
                .filter(p -> owner == null || !p.bsn().equals(owner.bsn()))
                .flatMap(p -> p.studies().stream())
                .filter(s -> s.modality().equals(study.modality()) && !s.performanceStudy())
                .findFirst()
                .map(other -> {
                    DemoSeries s = other.series().stream().max(Comparator.comparingInt(DemoSeries::instanceCount))
                            .orElseThrow();
                    return new Instance(other, s, Math.floorMod(index, s.instanceCount()));
                });
    }
}
