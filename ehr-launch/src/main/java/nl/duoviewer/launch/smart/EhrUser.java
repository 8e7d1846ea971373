package nl.duoviewer.launch.smart;

import java.net.URI;
import java.util.Objects;

/**
 * Who is signed in at the EHR, as its ID token says ({@code fhirUser} and {@code name}). Informational unless the
 * deployment trusts the EHR for the requester identity; then see {@link EhrRequester}.
 *
 * @param fhirUser the user's FHIR resource (Practitioner or PractitionerRole URL)
 * @param name     the name claim; empty when absent
 */
public record EhrUser(URI fhirUser, String name) {

    public EhrUser {
        Objects.requireNonNull(fhirUser, "fhirUser");
        name = name == null ? "" : name.strip();
    }
}
