package nl.duoviewer.app.launch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import nl.duoviewer.launch.smart.SmartSettings;

/**
 * The SMART launch settings ({@code duo.launch.smart.*}) in the deployment's configuration file, beside the network
 * keys: one file for IT to maintain. Whether the EHR's user becomes the requester is not a SMART key of its own: it
 * is {@code EHR_LAUNCH} among {@code duo.identity.sources}, the one place a deployment says who its users are
 * (decision records 10 and 24).
 */
public final class SmartSettingsFile {

    private static final String TRUST_KEY = "duo.launch.smart.trustEhrIdentity";
    private static final String IDENTITY_SOURCES = "duo.identity.sources";

    private SmartSettingsFile() {
    }

    /**
     * Reads the settings; a file without the keys gives settings that refuse SMART launches.
     *
     * @throws IllegalArgumentException naming the file and the key at fault
     */
    public static SmartSettings load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read configuration " + file + ": " + e.getMessage(), e);
        }
        if (p.getProperty(TRUST_KEY) != null) {
            throw new IllegalArgumentException(file + ": key '" + TRUST_KEY + "' is replaced by EHR_LAUNCH in "
                    + IDENTITY_SOURCES + "; remove it");
        }
        boolean trusted = java.util.Arrays.stream(p.getProperty(IDENTITY_SOURCES, "").split(","))
                .map(String::strip).anyMatch("EHR_LAUNCH"::equals);
        p.setProperty(TRUST_KEY, Boolean.toString(trusted));
        return SmartSettings.fromProperties(p, file.toString());
    }
}
