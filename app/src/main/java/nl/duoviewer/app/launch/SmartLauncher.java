package nl.duoviewer.app.launch;

import java.util.Objects;

import nl.duoviewer.core.patient.Sex;
import nl.duoviewer.launch.smart.Browser;
import nl.duoviewer.launch.smart.EhrRequester;
import nl.duoviewer.launch.smart.LaunchedPatient;
import nl.duoviewer.launch.smart.SmartLaunchClient;
import nl.duoviewer.launch.smart.SmartLaunchException;
import nl.duoviewer.launch.smart.SmartLaunchResult;
import nl.duoviewer.launch.smart.SmartSettings;
import nl.duoviewer.xca.identity.UserIdentity;

/**
 * Turns a SMART launch into the viewer's {@link LaunchContext}: runs the launch (the user signs in in the system
 * browser) with the deployment's {@link SmartSettings}, and maps the EHR's patient to the context's BSN and
 * demographics. Blocking; the launch route calls it on its own thread.
 */
public final class SmartLauncher {

    private final SmartLaunchClient client;

    public SmartLauncher(SmartSettings settings, Browser browser) {
        this.client = new SmartLaunchClient(settings, browser);
    }

    /** SMART launches refused: no EHR is trusted (the default without configuration). */
    public static SmartLauncher disabled() {
        return new SmartLauncher(SmartSettings.disabled(), uri -> {
            throw new java.io.IOException("SMART launches are not configured");
        });
    }

    public SmartSettings settings() {
        return client.settings();
    }

    /**
     * Runs the launch; interrupting the thread cancels it. The context carries the EHR's user (UZI number and role)
     * when the deployment trusts the EHR for it (identity source {@code EHR_LAUNCH}, decision record 24); the
     * workspace signs that user in before the patient's first query.
     */
    public LaunchContext launch(SmartLaunch launch) throws SmartLaunchException {
        Objects.requireNonNull(launch);
        SmartLaunchResult result = client.launch(launch.request());
        LaunchedPatient p = result.patient();
        PatientDemographics demographics = new PatientDemographics(p.name(), p.birthDate(), switch (p.gender()) {
            case MALE -> Sex.MALE;
            case FEMALE -> Sex.FEMALE;
            case OTHER -> Sex.OTHER;
            case UNKNOWN -> null; // the EHR did not say: the banner may take it from the sources
        });
        UserIdentity user = result.requester().map(SmartLauncher::user).orElse(null);
        return new LaunchContext(p.bsn(), demographics, LaunchSource.SMART_ON_FHIR, null, user);
    }

    private static UserIdentity user(EhrRequester r) {
        return UserIdentity.fromEhrLaunch(r.uziNumber(), r.roleCode(), r.user().name());
    }
}
