package nl.duoviewer.launch.smart;

import java.net.URI;
import java.util.Objects;

/**
 * A request to launch from an EHR: the FHIR server ({@code iss}) and, for an EHR launch, the opaque {@code launch}
 * handle the EHR gave. Without a launch handle it is a standalone launch: the user picks the patient at the EHR.
 */
public sealed interface SmartLaunchRequest permits SmartLaunchRequest.EhrLaunch, SmartLaunchRequest.StandaloneLaunch {

    /** The EHR's FHIR base URL. */
    URI iss();

    /** Started in the EHR, with its patient and user context behind {@code launch}. */
    record EhrLaunch(URI iss, String launch) implements SmartLaunchRequest {
        public EhrLaunch {
            Objects.requireNonNull(iss, "iss");
            if (launch == null || launch.isBlank()) {
                throw new IllegalArgumentException("launch is empty");
            }
        }
    }

    /** Started from the viewer (or a link with only {@code iss}): the EHR asks the user for the patient. */
    record StandaloneLaunch(URI iss) implements SmartLaunchRequest {
        public StandaloneLaunch {
            Objects.requireNonNull(iss, "iss");
        }
    }

    /** An EHR launch when {@code launch} is given, else a standalone one. */
    static SmartLaunchRequest of(URI iss, String launch) {
        return launch == null || launch.isBlank() ? new StandaloneLaunch(iss) : new EhrLaunch(iss, launch);
    }
}
