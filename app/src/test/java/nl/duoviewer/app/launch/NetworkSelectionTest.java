package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which network the installed viewer runs on (decision record 14): the command line's configuration, else the
 * user's file, else the system's; the embedded demo network only with --demo or with no configuration at all.
 */
class NetworkSelectionTest {

    private static AppOptions options(String... args) {
        return assertInstanceOf(CommandLine.Run.class, CommandLine.parse(args)).options();
    }

    @Test
    void withoutAnyConfigurationTheDemoRunsUnasked(@TempDir Path dir) {
        ConfigLocations none = new ConfigLocations(dir.resolve("etc/duoviewer.properties"),
                dir.resolve("home/duoviewer.properties"));
        var demo = assertInstanceOf(NetworkSelection.Demo.class, NetworkSelection.of(options("--bsn", "999999011"),
                none));
        assertEquals(false, demo.asked());
        assertEquals(none, demo.lookedIn());
    }

    @Test
    void theSystemFileIsUsedAndTheUserFileWinsOverIt(@TempDir Path dir) throws Exception {
        Path system = Files.writeString(dir.resolve("system.properties"), "duo.communities=x\n");
        Path user = dir.resolve("user.properties");
        ConfigLocations locations = new ConfigLocations(system, user);
        assertEquals(new NetworkSelection.Configured(system, NetworkSelection.Origin.SYSTEM_FILE),
                NetworkSelection.of(options(), locations));
        Files.writeString(user, "duo.communities=y\n");
        assertEquals(new NetworkSelection.Configured(user, NetworkSelection.Origin.USER_FILE),
                NetworkSelection.of(options(), locations));
    }

    @Test
    void theCommandLineDecidesFirst(@TempDir Path dir) throws Exception {
        Path system = Files.writeString(dir.resolve("system.properties"), "duo.communities=x\n");
        Path named = Files.writeString(dir.resolve("named.properties"), "duo.communities=z\n");
        ConfigLocations locations = new ConfigLocations(system, dir.resolve("none"));
        assertEquals(new NetworkSelection.Configured(named, NetworkSelection.Origin.COMMAND_LINE),
                NetworkSelection.of(options("--config", named.toString()), locations));
        var demo = assertInstanceOf(NetworkSelection.Demo.class, NetworkSelection.of(options("--demo"), locations));
        assertTrue(demo.asked(), "--demo runs the demo network even where a configuration exists");
    }

    @Test
    void demoAndConfigExcludeEachOther(@TempDir Path dir) throws Exception {
        Path named = Files.writeString(dir.resolve("named.properties"), "duo.communities=z\n");
        var invalid = assertInstanceOf(CommandLine.Invalid.class,
                CommandLine.parse("--demo", "--config", named.toString()));
        assertEquals("--demo and --config exclude each other", invalid.message());
        assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--demo=yes"));
    }

    @Test
    void theLocationsFollowTheSystemProperties() {
        String system = System.getProperty(ConfigLocations.SYSTEM_PROPERTY);
        String user = System.getProperty(ConfigLocations.USER_PROPERTY);
        try {
            System.setProperty(ConfigLocations.SYSTEM_PROPERTY, "/tmp/a/duoviewer.properties");
            System.clearProperty(ConfigLocations.USER_PROPERTY);
            ConfigLocations l = ConfigLocations.fromSystem();
            assertEquals(Path.of("/tmp/a/duoviewer.properties"), l.system());
            assertTrue(l.user().endsWith(Path.of("duoviewer", "duoviewer.properties")), l.user().toString());
            System.clearProperty(ConfigLocations.SYSTEM_PROPERTY);
            assertEquals(Path.of("/etc/duoviewer/duoviewer.properties"), ConfigLocations.fromSystem().system());
        } finally {
            restore(ConfigLocations.SYSTEM_PROPERTY, system);
            restore(ConfigLocations.USER_PROPERTY, user);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
