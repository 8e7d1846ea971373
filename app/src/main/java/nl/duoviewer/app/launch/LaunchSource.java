package nl.duoviewer.app.launch;

/**
 * How a patient context reached the viewer. Shown in the patient banner, so the user can tell a context the EHR sent
 * from one typed by hand.
 */
public enum LaunchSource {
    /** {@code --bsn} on the command line (or a desktop shortcut built with it). */
    COMMAND_LINE("launch.source.commandLine"),
    /** A {@code duoviewer://open?...} link, e.g. from an EHR or a web page. */
    URL_SCHEME("launch.source.urlScheme"),
    /** An IHE Invoke Image Display (RAD-106) request, carried by a {@code duoviewer://IHEInvokeImageDisplay} link. */
    IHE_INVOKE_IMAGE_DISPLAY("launch.source.iid"),
    /** A SMART on FHIR launch: the patient the EHR's FHIR server gave after the user signed in. */
    SMART_ON_FHIR("launch.source.smart"),
    /** The BSN field in the viewer's own toolbar. */
    MANUAL_ENTRY("launch.source.manual"),
    /** Nobody asked for a patient: the embedded demo network opens its showcase patient. */
    DEMO("launch.source.demo");

    private final String textKey;

    LaunchSource(String textKey) {
        this.textKey = textKey;
    }

    /** Key of the user-facing name in the message bundle. */
    public String textKey() {
        return textKey;
    }
}
