package nl.duoviewer.xca.query;

/**
 * One entry of a RegistryErrorList.
 *
 * @param code     e.g. XDSRegistryBusy
 * @param context  free text from the source
 * @param severity Error or Warning (last segment of the URN)
 * @param location the failing component or community
 */
public record RegistryError(String code, String context, String severity, String location) {

    public RegistryError {
        code = code == null ? "" : code;
        context = context == null ? "" : context;
        severity = severity == null ? "" : severity;
        location = location == null ? "" : location;
    }
}
