package nl.duoviewer.launch.smart;

import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.CONFLICTING_BSN;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.EHR_USER_UNUSABLE;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.INVALID_BSN;
import static nl.duoviewer.launch.smart.SmartLaunchException.Reason.NO_BSN;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

import nl.duoviewer.core.patient.Bsn;

/**
 * What the viewer takes from the EHR's FHIR resources (Dutch conventions, Nictiz naming systems):
 * <ul>
 * <li>the patient's BSN: the identifier with system {@value #BSN_SYSTEM}; exactly one distinct value, passing the
 * 11-check. None, two different ones, or an invalid one stop the launch: guessing would risk the wrong patient.</li>
 * <li>the user's UZI number: Practitioner.identifier with system {@value EhrRequester#UZI_SYSTEM}, exactly one;</li>
 * <li>the user's role: a UZI role code (RoleCodeNL, {@value #ROLE_OID} or {@value #ROLE_SYSTEM}) in
 * PractitionerRole.code or .specialty (nl-core's HealthProfessional PractitionerRole puts it in specialty) over all
 * roles of the Practitioner; exactly one distinct code (decision record 0024).</li>
 * </ul>
 */
final class FhirRecords {

    static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";
    static final String ROLE_OID = "urn:oid:2.16.840.1.113883.2.4.15.111";
    static final String ROLE_SYSTEM = "http://fhir.nl/fhir/NamingSystem/uzi-rolcode";

    private FhirRecords() {
    }

    static LaunchedPatient patient(Patient p, String fhirId) throws SmartLaunchException {
        Set<String> values = identifiers(p.getIdentifier(), BSN_SYSTEM);
        if (values.isEmpty()) {
            throw new SmartLaunchException(NO_BSN, "Patient/" + fhirId + " has no BSN identifier");
        }
        if (values.size() > 1) {
            throw new SmartLaunchException(CONFLICTING_BSN, "Patient/" + fhirId + " has " + values.size()
                    + " different BSNs");
        }
        Bsn bsn;
        try {
            bsn = Bsn.parse(values.iterator().next());
        } catch (IllegalArgumentException e) {
            throw new SmartLaunchException(INVALID_BSN, "Patient/" + fhirId + ": the BSN fails the 11-check");
        }
        return new LaunchedPatient(bsn, name(p.getName()), birthDate(p), gender(p), fhirId);
    }

    private static Set<String> identifiers(List<Identifier> ids, String system) {
        Set<String> values = new LinkedHashSet<>();
        for (Identifier id : ids) {
            if (system.equals(id.getSystem()) && id.hasValue() && !id.getValue().isBlank()) {
                values.add(id.getValue().strip());
            }
        }
        return values;
    }

    private static String name(List<HumanName> names) {
        HumanName chosen = names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(names.isEmpty() ? null : names.get(0));
        if (chosen == null) {
            return null;
        }
        String text = chosen.hasText() ? chosen.getText() : chosen.getNameAsSingleString();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static LocalDate birthDate(Patient p) {
        if (!p.hasBirthDateElement() || p.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
            return null; // a year or month alone is not a date to confirm a patient by
        }
        try {
            return LocalDate.parse(p.getBirthDateElement().getValueAsString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LaunchedPatient.Gender gender(Patient p) {
        if (!p.hasGender()) {
            return LaunchedPatient.Gender.UNKNOWN;
        }
        return switch (p.getGender()) {
            case MALE -> LaunchedPatient.Gender.MALE;
            case FEMALE -> LaunchedPatient.Gender.FEMALE;
            case OTHER -> LaunchedPatient.Gender.OTHER;
            default -> LaunchedPatient.Gender.UNKNOWN;
        };
    }

    /** The trusted requester: UZI number and role code of the fhirUser, read from the EHR with the launch's token. */
    static EhrRequester requester(EhrUser user, URI iss, IGenericClient client, SmartLaunchClient reader)
            throws SmartLaunchException {
        String base = iss + "/";
        String url = user.fhirUser().toString();
        if (!url.startsWith(base)) {
            // never send the EHR's token to another server
            throw new SmartLaunchException(EHR_USER_UNUSABLE, "fhirUser is not on the launching FHIR server");
        }
        String[] ref = url.substring(base.length()).split("/");
        if (ref.length < 2) {
            throw new SmartLaunchException(EHR_USER_UNUSABLE, "fhirUser is not a resource reference");
        }
        Practitioner practitioner;
        Set<String> roles = new LinkedHashSet<>();
        switch (ref[0]) {
            case "Practitioner" -> {
                practitioner = reader.read(client, Practitioner.class, ref[1]);
                Bundle found;
                try {
                    found = client.search().forResource(PractitionerRole.class)
                            .where(PractitionerRole.PRACTITIONER.hasId("Practitioner/" + ref[1]))
                            .returnBundle(Bundle.class).execute();
                } catch (RuntimeException e) {
                    throw new SmartLaunchException(EHR_USER_UNUSABLE, "the user's roles could not be read: "
                            + e.getClass().getSimpleName());
                }
                for (Bundle.BundleEntryComponent e : found.getEntry()) {
                    if (e.getResource() instanceof PractitionerRole r) {
                        roles.addAll(roleCodes(r));
                    }
                }
            }
            case "PractitionerRole" -> {
                PractitionerRole role = reader.read(client, PractitionerRole.class, ref[1]);
                roles.addAll(roleCodes(role));
                String who = role.getPractitioner().getReferenceElement().getIdPart();
                if (who == null) {
                    throw new SmartLaunchException(EHR_USER_UNUSABLE, "the PractitionerRole names no Practitioner");
                }
                practitioner = reader.read(client, Practitioner.class, who);
            }
            default -> throw new SmartLaunchException(EHR_USER_UNUSABLE, "fhirUser is a " + ref[0]
                    + ", not a care provider");
        }
        Set<String> uzi = identifiers(practitioner.getIdentifier(), EhrRequester.UZI_SYSTEM);
        if (uzi.size() != 1 || !uzi.iterator().next().matches("\\d{9}")) {
            throw new SmartLaunchException(EHR_USER_UNUSABLE, uzi.isEmpty() ? "the user has no UZI number"
                    : "the user has no single valid UZI number");
        }
        if (roles.size() != 1) {
            throw new SmartLaunchException(EHR_USER_UNUSABLE, roles.isEmpty() ? "the user has no UZI role code"
                    : "the user has " + roles.size() + " different UZI role codes");
        }
        return new EhrRequester(uzi.iterator().next(), roles.iterator().next(), user);
    }

    private static Set<String> roleCodes(PractitionerRole role) {
        Set<String> codes = new LinkedHashSet<>();
        collect(role.getCode(), codes);
        collect(role.getSpecialty(), codes);
        return codes;
    }

    private static void collect(Collection<CodeableConcept> concepts, Set<String> into) {
        for (CodeableConcept c : concepts) {
            for (Coding coding : c.getCoding()) {
                if ((ROLE_OID.equals(coding.getSystem()) || ROLE_SYSTEM.equals(coding.getSystem()))
                        && coding.hasCode() && coding.getCode().matches("\\d{2}\\.\\d{3}")) {
                    into.add(coding.getCode());
                }
            }
        }
    }
}
