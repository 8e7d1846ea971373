package nl.duoviewer.launch.smart;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completed SMART launch yields. Holds no token: tokens are used for the reads during the launch and then
 * dropped (nothing of them reaches a log, a file or this record).
 *
 * @param issuer    the EHR's FHIR base ({@code iss})
 * @param patient   the launch's patient
 * @param user      who is signed in at the EHR, when the ID token says so
 * @param requester the identity the EHR vouches for; present only when the deployment trusts the EHR for it
 */
public record SmartLaunchResult(URI issuer, LaunchedPatient patient, Optional<EhrUser> user,
                                Optional<EhrRequester> requester) {

    public SmartLaunchResult {
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(patient);
        user = user == null ? Optional.empty() : user;
        requester = requester == null ? Optional.empty() : requester;
    }
}
