package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.patient.Bsn;

class CommandLineTest {

    @Test
    void aValidBsnStartsTheViewerOnThatPatientOnTheEmbeddedNetwork() {
        var run = assertInstanceOf(CommandLine.Run.class, CommandLine.parse("--bsn", "999999011"));
        LaunchContext launch = run.options().launch().orElseThrow();
        assertEquals(Bsn.parse("999999011"), launch.patient());
        assertEquals(LaunchSource.COMMAND_LINE, launch.source());
        assertTrue(run.options().embeddedNetwork());
    }

    @Test
    void theEqualsFormIsAccepted() {
        var run = assertInstanceOf(CommandLine.Run.class, CommandLine.parse("--bsn=999999011"));
        assertEquals("999999011", run.options().launch().orElseThrow().patient().value());
    }

    @Test
    void noArgumentsStartsWithoutAPatient() {
        var run = assertInstanceOf(CommandLine.Run.class, CommandLine.parse());
        assertTrue(run.options().launch().isEmpty());
    }

    @Test
    void aBsnFailingTheElevenCheckIsRefusedWithTheReason() {
        var invalid = assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--bsn", "999999012"));
        assertEquals("Invalid BSN: '999999012' is not a valid BSN (11-check failed)", invalid.message());
    }

    @Test
    void aBsnOfTheWrongLengthOrMissingIsRefused() {
        assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--bsn", "12345"));
        assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--bsn", "99999901x"));
        var missing = assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--bsn"));
        assertTrue(missing.message().contains("--bsn needs a value"));
    }

    @Test
    void twoPatientsAreRefused() {
        assertInstanceOf(CommandLine.Invalid.class,
                CommandLine.parse("--bsn", "999999011", "duoviewer://open?bsn=999998456"));
    }

    @Test
    void helpAndVersionWinOverEverythingElse() {
        assertInstanceOf(CommandLine.ShowHelp.class, CommandLine.parse("--bsn", "1", "--help"));
        assertInstanceOf(CommandLine.ShowVersion.class, CommandLine.parse("--version"));
        assertInstanceOf(CommandLine.ShowHelp.class, CommandLine.parse("-h"));
    }

    @Test
    void unknownArgumentsAreRefused() {
        var invalid = assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse("--verbose"));
        assertEquals("Unknown argument: --verbose", invalid.message());
    }

    @Test
    void aReadableConfigFileSelectsTheGateway(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.properties"), "# config\n");
        var run = assertInstanceOf(CommandLine.Run.class, CommandLine.parse("--config", config.toString()));
        assertEquals(config, run.options().gatewayConfig().orElseThrow());
        assertTrue(!run.options().embeddedNetwork());
    }

    @Test
    void aMissingConfigFileIsRefused(@TempDir Path dir) {
        var invalid = assertInstanceOf(CommandLine.Invalid.class,
                CommandLine.parse("--config", dir.resolve("nope.properties").toString()));
        assertTrue(invalid.message().startsWith("Configuration file not found"));
    }

    @Test
    void aDesktopLinkArgumentIsALaunchRoute() {
        var run = assertInstanceOf(CommandLine.Run.class,
                CommandLine.parse("duoviewer://open?bsn=999999011&study=1.2.3"));
        LaunchContext launch = run.options().launch().orElseThrow();
        assertEquals(LaunchSource.URL_SCHEME, launch.source());
        assertEquals("1.2.3", launch.focusStudyUid());
    }

    @Test
    void anInvalidLinkIsRefusedWithItsReason() {
        var invalid = assertInstanceOf(CommandLine.Invalid.class,
                CommandLine.parse("duoviewer://open?bsn=123456789"));
        assertTrue(invalid.message().startsWith("Invalid BSN"), invalid.message());
    }
}
