package nl.duoviewer.xca.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.xca.config.LocalPacsSettings.PatientIdMode;

/** The {@code duo.local.*} block of the configuration file: the hospital's own PACS. */
class LocalPacsConfigTest {

    private static final String FILE = "/etc/duoviewer/duoviewer.properties";
    private static final Map<String, String> ENV = Map.of("PACS_KEY_PW", "key-secret");

    @TempDir
    Path dir;

    private Optional<LocalPacsSettings> parse(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return DuoConfigFile.parseLocal(p, FILE, dir, ENV::get);
    }

    private String error(String... keyValues) {
        String m = assertThrows(ConfigException.class, () -> parse(keyValues)).getMessage();
        assertTrue(m.startsWith(FILE + ": key '"), m);
        return m;
    }

    @Test
    void withoutTheBlockThereIsNoLocalSource() {
        assertEquals(Optional.empty(), parse("duo.requester.ura", "12345678"));
    }

    @Test
    void theSmallestBlockFilesUnderTheBsnAndServesBothFromOneRoot() {
        LocalPacsSettings s = parse("duo.local.qidoBase", "https://pacs.ziekenhuis.nl/dicom-web",
                "duo.requester.ura", "12345678").orElseThrow();
        assertEquals(URI.create("https://pacs.ziekenhuis.nl/dicom-web"), s.qidoBase());
        assertEquals(s.qidoBase(), s.wadoBase());
        assertEquals(PatientIdMode.BSN, s.patientIdMode());
        assertEquals("", s.issuer());
        assertEquals("PACS", s.name());
        assertEquals("12345678", s.ura(), "the own organisation's URA");
        assertEquals(LocalPacsSettings.DEFAULT_TIMEOUT, s.timeout());
    }

    @Test
    void theFullBlockWithTheHospitalNumberAndMutualTls() throws IOException {
        Files.writeString(dir.resolve("pacs-ca.p12"), "x");
        Files.writeString(dir.resolve("workstation.p12"), "x");
        LocalPacsSettings s = parse("duo.local.qidoBase", "https://pacs/qido", "duo.local.wadoBase",
                "https://pacs/wado", "duo.local.name", "Radiologie", "duo.local.patientIdMode", "LOCAL",
                "duo.local.issuer", "ZKH", "duo.local.timeout", "PT5S", "duo.local.trustStore", "pacs-ca.p12",
                "duo.local.keyStore", "workstation.p12", "duo.local.keyStorePassword", "env:PACS_KEY_PW")
                .orElseThrow();
        assertEquals(URI.create("https://pacs/wado"), s.wadoBase());
        assertEquals(PatientIdMode.LOCAL, s.patientIdMode());
        assertEquals("ZKH", s.issuer());
        assertEquals(Duration.ofSeconds(5), s.timeout());
        assertEquals(dir.resolve("pacs-ca.p12"), s.trustStore(), "relative to the configuration file");
        assertEquals(dir.resolve("workstation.p12"), s.keyStore());
        assertArrayEquals("key-secret".toCharArray(), s.keyStorePassword());
        assertFalse(s.toString().contains("secret"));
    }

    @Test
    void aBrokenBlockNamesFileAndKey() throws IOException {
        assertTrue(error("duo.local.wadoBase", "https://pacs/wado").contains("'duo.local.qidoBase': missing"));
        assertTrue(error("duo.local.qidoBase", "ftp://pacs").contains("'duo.local.qidoBase'"));
        assertTrue(error("duo.local.qidoBase", "https://pacs", "duo.local.patientIdMode", "MRN")
                .contains("'duo.local.patientIdMode': expected one of [BSN, LOCAL]"));
        assertTrue(error("duo.local.qidoBase", "https://pacs", "duo.local.patientIdMode", "LOCAL")
                .contains("'duo.local.issuer': missing"));
        assertTrue(error("duo.local.qidoBase", "https://pacs", "duo.local.timeout", "soon")
                .contains("'duo.local.timeout'"));
        assertTrue(error("duo.local.qidoBase", "https://pacs", "duo.local.trustStore", "absent.p12")
                .contains("'duo.local.trustStore': file not found"));
        assertTrue(error("duo.local.qidoBase", "https://pacs", "duo.local.qidoBse", "typo")
                .contains("'duo.local.qidoBse': unknown key"));
        Files.writeString(dir.resolve("ws.p12"), "x");
        String m = error("duo.local.qidoBase", "https://pacs", "duo.local.keyStore", "ws.p12",
                "duo.local.keyStorePassword", "hunter2");
        assertTrue(m.contains("'duo.local.keyStorePassword'") && m.contains("env:NAME") && !m.contains("hunter2"), m);
    }
}
