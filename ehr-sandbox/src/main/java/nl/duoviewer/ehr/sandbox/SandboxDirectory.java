package nl.duoviewer.ehr.sandbox;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;

/**
 * The sandbox EHR's records as FHIR R4 resources: one Patient per demo patient of the catalogue (same BSN, name,
 * birth date and sex as the embedded DUO network serves), the {@link EdgeCasePatient}s, and the {@link Clinician}s as
 * Practitioner with their UZI number and a PractitionerRole with their UZI role code.
 */
final class SandboxDirectory {

    /** Nictiz naming system of the BSN. */
    static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
    /** Nictiz naming system of the UZI number of a person. */
    static final String UZI_SYSTEM = "http://fhir.nl/fhir/NamingSystem/uzi-nr-pers";
    /** UZI role codes (RoleCodeNL), as nl-core's HealthProfessional PractitionerRole codes them. */
    static final String ROLE_CODE_SYSTEM = "urn:oid:2.16.840.1.113883.2.4.15.111";
    /** The hospital's own patient numbers (what an EHR holds besides the BSN). */
    static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.2.4.3.999.1";
    /** Two valid BSNs outside the catalogue, for the patient with two. */
    static final List<String> SECOND_BSNS = List.of("111222333", "123456782");

    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final Map<String, DemoPatient> demo = new LinkedHashMap<>();
    private final Map<String, Practitioner> practitioners = new LinkedHashMap<>();
    private final Map<String, PractitionerRole> roles = new LinkedHashMap<>();
    private final List<Clinician> clinicians;

    SandboxDirectory(DemoCatalogue catalogue, List<Clinician> clinicians) {
        this.clinicians = List.copyOf(clinicians);
        int n = 0;
        for (DemoPatient p : catalogue.patients()) {
            String id = "pat-" + (++n);
            Patient r = new Patient();
            r.setIdElement(new IdType("Patient", id));
            r.addIdentifier(new Identifier().setSystem(BSN_SYSTEM).setValue(p.bsn().value()));
            r.addIdentifier(new Identifier().setSystem(MRN_SYSTEM).setValue(String.valueOf(7_000_000 + n)));
            r.addName(name(p.displayName(), p.familyName(), p.givenName()));
            r.setGender("F".equals(p.sex()) ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
            r.setBirthDate(Date.from(p.birthDate().atStartOfDay(ZoneOffset.UTC).toInstant()));
            patients.put(id, r);
            demo.put(id, p);
        }
        for (EdgeCasePatient edge : EdgeCasePatient.values()) {
            Patient r = new Patient();
            r.setIdElement(new IdType("Patient", edge.id()));
            r.addIdentifier(new Identifier().setSystem(MRN_SYSTEM).setValue("edge-" + edge.ordinal()));
            switch (edge) {
                case NO_BSN -> { }
                case TWO_BSNS -> SECOND_BSNS.forEach(v -> r.addIdentifier(
                        new Identifier().setSystem(BSN_SYSTEM).setValue(v)));
                case INVALID_BSN -> r.addIdentifier(new Identifier().setSystem(BSN_SYSTEM).setValue("123456789"));
            }
            String[] parts = edge.displayName().split(" ", 2);
            r.addName(name(edge.displayName(), parts[1], parts[0]));
            r.setGender(AdministrativeGender.UNKNOWN);
            patients.put(edge.id(), r);
        }
        for (Clinician c : clinicians) {
            Practitioner p = new Practitioner();
            p.setIdElement(new IdType("Practitioner", c.id()));
            if (c.uziNumber() != null) {
                p.addIdentifier(new Identifier().setSystem(UZI_SYSTEM).setValue(c.uziNumber()));
            }
            p.addName(new HumanName().setText(c.name()));
            practitioners.put(c.id(), p);
            if (c.roleCode() != null) {
                PractitionerRole role = new PractitionerRole();
                role.setIdElement(new IdType("PractitionerRole", c.id() + "-rol"));
                role.setPractitioner(new Reference("Practitioner/" + c.id()));
                role.addSpecialty(new CodeableConcept(new Coding(ROLE_CODE_SYSTEM, c.roleCode(), c.roleName())));
                roles.put(role.getIdElement().getIdPart(), role);
            }
        }
    }

    private static HumanName name(String text, String family, String given) {
        return new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(text).setFamily(family).addGiven(given);
    }

    Map<String, Patient> patients() {
        return Collections.unmodifiableMap(patients);
    }

    Map<String, Practitioner> practitioners() {
        return Collections.unmodifiableMap(practitioners);
    }

    Map<String, PractitionerRole> roles() {
        return Collections.unmodifiableMap(roles);
    }

    List<Clinician> clinicians() {
        return clinicians;
    }

    Optional<Clinician> clinician(String id) {
        return clinicians.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The demo patient behind a Patient id; empty for the edge cases. */
    Optional<DemoPatient> demoPatient(String patientId) {
        return Optional.ofNullable(demo.get(patientId));
    }

    /** The Patient id of a catalogue patient. */
    Optional<String> patientId(Bsn bsn) {
        return demo.entrySet().stream().filter(e -> e.getValue().bsn().equals(bsn)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Display name of any patient. */
    String displayName(String patientId) {
        Patient p = patients.get(patientId);
        return p == null ? patientId : p.getNameFirstRep().getText();
    }

    List<String> demoPatientIds() {
        return new ArrayList<>(demo.keySet());
    }
}
