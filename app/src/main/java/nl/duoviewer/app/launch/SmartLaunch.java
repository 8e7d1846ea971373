package nl.duoviewer.app.launch;

import java.util.Objects;

import nl.duoviewer.launch.smart.SmartLaunchRequest;

/** A SMART on FHIR launch request ({@code duoviewer://smart-launch?iss=...[&launch=...]}), not yet signed in. */
public record SmartLaunch(SmartLaunchRequest request) implements LaunchRequest {

    public SmartLaunch {
        Objects.requireNonNull(request);
    }
}
