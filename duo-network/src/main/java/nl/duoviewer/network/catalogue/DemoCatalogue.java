package nl.duoviewer.network.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.duoviewer.core.patient.Bsn;

/**
 * What the embedded network has published: patients, their studies and reports, and the institutions holding
 * them. Immutable; built by {@link CatalogueGenerator}. Tests use it as the expected answer.
 */
public final class DemoCatalogue {

    /** A study as one institution registered it. */
    public record Registration(DemoPatient patient, DemoStudy study, Publication publication) {
    }

    /** A report with its study and patient. */
    public record ReportEntry(DemoPatient patient, DemoStudy study, DemoReport report) {
    }

    private final List<Institution> institutions;
    private final List<DemoPatient> patients;
    private final Map<Bsn, DemoPatient> byBsn = new HashMap<>();
    private final Map<String, Registration> byKosUid = new HashMap<>();
    private final Map<String, ReportEntry> byReportUid = new HashMap<>();
    private final Map<String, DemoStudy> byStudyUid = new HashMap<>();
    private final Map<String, DemoPatient> patientByStudyUid = new HashMap<>();
    private final Map<String, Institution> byRepository = new HashMap<>();

    DemoCatalogue(List<Institution> institutions, List<DemoPatient> patients) {
        this.institutions = List.copyOf(institutions);
        this.patients = List.copyOf(patients);
        for (Institution i : institutions) {
            byRepository.put(i.repositoryUniqueId(), i);
        }
        for (DemoPatient p : patients) {
            byBsn.put(p.bsn(), p);
            for (DemoStudy s : p.reportOnly()) {
                byStudyUid.put(s.studyInstanceUid(), s);
                patientByStudyUid.put(s.studyInstanceUid(), p);
                s.report().ifPresent(r -> byReportUid.put(r.documentUid(), new ReportEntry(p, s, r)));
            }
            for (DemoStudy s : p.studies()) {
                byStudyUid.put(s.studyInstanceUid(), s);
                patientByStudyUid.put(s.studyInstanceUid(), p);
                for (Publication pub : s.publications()) {
                    byKosUid.put(pub.kosDocumentUid(), new Registration(p, s, pub));
                }
                s.report().ifPresent(r -> byReportUid.put(r.documentUid(), new ReportEntry(p, s, r)));
            }
        }
    }

    public List<Institution> institutions() {
        return institutions;
    }

    public List<Institution> institutions(Network network) {
        return institutions.stream().filter(i -> i.network() == network).toList();
    }

    public List<DemoPatient> patients() {
        return patients;
    }

    public Optional<DemoPatient> patient(Bsn bsn) {
        return Optional.ofNullable(byBsn.get(bsn));
    }

    /** Every registration of this patient's manifests in one network. */
    public List<Registration> registrations(Network network, Bsn bsn) {
        List<Registration> out = new ArrayList<>();
        DemoPatient p = byBsn.get(bsn);
        if (p != null) {
            for (DemoStudy s : p.studies()) {
                for (Publication pub : s.publications()) {
                    if (pub.institution().network() == network) {
                        out.add(new Registration(p, s, pub));
                    }
                }
            }
        }
        return out;
    }

    /** This patient's reports registered in one network, those of report-only studies included. */
    public List<ReportEntry> reports(Network network, Bsn bsn) {
        List<ReportEntry> out = new ArrayList<>();
        DemoPatient p = byBsn.get(bsn);
        if (p != null) {
            for (DemoStudy s : allStudies(p)) {
                s.report().filter(r -> r.institution().network() == network)
                        .ifPresent(r -> out.add(new ReportEntry(p, s, r)));
            }
        }
        return out;
    }

    /** The patient's report of a format on a study whose images are shared, the smallest such study first. */
    public Optional<ReportEntry> reportOfFormat(Bsn bsn, DemoReport.Format format) {
        DemoPatient p = byBsn.get(bsn);
        return p == null ? Optional.empty() : p.studies().stream()
                .filter(s -> s.report().filter(r -> r.format() == format).isPresent() && !s.performanceStudy())
                .min(java.util.Comparator.comparingInt(DemoStudy::instanceCount))
                .map(s -> new ReportEntry(p, s, s.report().orElseThrow()));
    }

    private static List<DemoStudy> allStudies(DemoPatient p) {
        List<DemoStudy> all = new ArrayList<>(p.studies());
        all.addAll(p.reportOnly());
        return all;
    }

    /** Institutions holding data for the patient (any network). */
    public List<Institution> holders(Bsn bsn) {
        DemoPatient p = byBsn.get(bsn);
        if (p == null) {
            return List.of();
        }
        return allStudies(p).stream()
                .flatMap(s -> java.util.stream.Stream.concat(s.publications().stream().map(Publication::institution),
                        s.report().stream().map(DemoReport::institution)))
                .distinct().toList();
    }

    public Optional<Registration> manifest(String kosDocumentUid) {
        return Optional.ofNullable(byKosUid.get(kosDocumentUid));
    }

    public Optional<ReportEntry> report(String documentUid) {
        return Optional.ofNullable(byReportUid.get(documentUid));
    }

    public Optional<DemoStudy> study(String studyInstanceUid) {
        return Optional.ofNullable(byStudyUid.get(studyInstanceUid));
    }

    public Optional<DemoPatient> patientOfStudy(String studyInstanceUid) {
        return Optional.ofNullable(patientByStudyUid.get(studyInstanceUid));
    }

    public Optional<Institution> institutionByRepository(String repositoryUniqueId) {
        return Optional.ofNullable(byRepository.get(repositoryUniqueId));
    }

    /** The large CT kept for performance work. */
    public DemoStudy performanceStudy() {
        return byStudyUid.values().stream().filter(DemoStudy::performanceStudy).findFirst().orElseThrow();
    }

    /** The study registered by two institutions. */
    public DemoStudy doublyPublishedStudy() {
        return byStudyUid.values().stream().filter(s -> s.publications().size() > 1).findFirst().orElseThrow();
    }
}
