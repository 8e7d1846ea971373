package nl.duoviewer.app.launch;

/**
 * What a launch path hands to the viewer's one launch route ({@code LaunchRoute}): a patient context that is ready
 * (command line, {@code duoviewer://} link, IHE IID, toolbar, demo), or a SMART launch that becomes one after the user
 * signs in at the EHR.
 */
public sealed interface LaunchRequest permits LaunchContext, SmartLaunch {
}
