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
 * keys: one file for IT to maintain.
 */
public final class SmartSettingsFile {

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
        return SmartSettings.fromProperties(p, file.toString());
    }
}
