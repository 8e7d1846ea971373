package nl.duoviewer.app.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.audit.syslog.SyslogSettings;
import nl.duoviewer.xca.config.AuditConfig;

/** The configuration file's {@code duo.audit} block as the audit module's settings. */
class AuditWiringTest {

    @Test
    void theDemoKeepsALocalLogInTheFolderTheBuildGaveIt() {
        AuditSettings s = AuditWiring.settings(Optional.empty());
        assertEquals(Path.of(System.getProperty(AuditWiring.FOLDER_PROPERTY), "audit.log"), s.logFile(),
                "the tests move the user's data folder into the build");
        assertTrue(s.repository().isEmpty());
    }

    @Test
    void aConfiguredRepositoryAndFolderAreTaken() {
        AuditConfig c = new AuditConfig(Optional.of(Path.of("/var/log/duoviewer")), 7, Duration.ofMinutes(2),
                Optional.of(new AuditConfig.Repository("arr.ziekenhuis.nl", 16514, Path.of("/etc/ca.p12"),
                        "t".toCharArray(), Path.of("/etc/ws.p12"), "k".toCharArray())));
        AuditSettings s = AuditWiring.settings(c);
        assertEquals(Path.of("/var/log/duoviewer/audit.log"), s.logFile());
        assertEquals(7, s.anchorEvery());
        assertEquals(Duration.ofMinutes(2), s.anchorInterval());
        SyslogSettings r = s.repository().orElseThrow();
        assertEquals("arr.ziekenhuis.nl", r.host());
        assertEquals(16514, r.port());
        assertEquals(Path.of("/etc/ws.p12"), r.keyStore());
        assertArrayEquals("k".toCharArray(), r.keyStorePassword());
    }
}
