package nl.duoviewer.xca.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code duo.audit.*} block of the configuration file. */
class AuditConfigTest {

    @TempDir
    Path dir;

    private static final Map<String, String> ENV = Map.of("AUDIT_TRUST_PW", "trust-secret", "AUDIT_KEY_PW",
            "key-secret");

    private AuditConfig parse(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return DuoConfigFile.parseAudit(p, "/etc/duoviewer/gateway.properties", dir, ENV::get);
    }

    private String error(String... keyValues) {
        return assertThrows(ConfigException.class, () -> parse(keyValues)).getMessage();
    }

    @Test
    void withoutTheBlockTheLocalLogIsKeptWhereTheUsersDataIs() {
        assertEquals(AuditConfig.DEFAULT, parse());
    }

    @Test
    void theFullBlockWithSecretsFromTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("ca.p12"), "x");
        Files.writeString(dir.resolve("ws.p12"), "x");
        AuditConfig c = parse("duo.audit.log.folder", "/var/log/duoviewer", "duo.audit.anchor.every", "50",
                "duo.audit.anchor.interval", "PT5M", "duo.audit.repository.host", "arr.ziekenhuis.nl",
                "duo.audit.repository.port", "16514", "duo.audit.repository.trustStore", "ca.p12",
                "duo.audit.repository.trustStorePassword", "env:AUDIT_TRUST_PW",
                "duo.audit.repository.keyStore", "ws.p12", "duo.audit.repository.keyStorePassword", "env:AUDIT_KEY_PW");
        assertEquals(Path.of("/var/log/duoviewer"), c.logFolder().orElseThrow());
        assertEquals(50, c.anchorEvery());
        assertEquals(Duration.ofMinutes(5), c.anchorInterval());
        AuditConfig.Repository r = c.repository().orElseThrow();
        assertEquals("arr.ziekenhuis.nl", r.host());
        assertEquals(16514, r.port());
        assertEquals(dir.resolve("ca.p12"), r.trustStore(), "relative to the configuration file");
        assertArrayEquals("trust-secret".toCharArray(), r.trustStorePassword());
        assertArrayEquals("key-secret".toCharArray(), r.keyStorePassword());
        assertTrue(!r.toString().contains("secret"));
    }

    @Test
    void aPasswordInPlainTextIsRefusedNamingFileAndKey() throws IOException {
        Files.writeString(dir.resolve("ca.p12"), "x");
        Files.writeString(dir.resolve("ws.p12"), "x");
        String m = error("duo.audit.repository.host", "arr", "duo.audit.repository.trustStore", "ca.p12",
                "duo.audit.repository.keyStore", "ws.p12", "duo.audit.repository.keyStorePassword", "hunter2");
        assertTrue(m.contains("/etc/duoviewer/gateway.properties") && m.contains("duo.audit.repository.keyStorePassword")
                && m.contains("env:NAME"), m);
        m = error("duo.audit.repository.host", "arr", "duo.audit.repository.trustStore", "ca.p12",
                "duo.audit.repository.keyStore", "ws.p12", "duo.audit.repository.keyStorePassword", "env:NOT_SET");
        assertTrue(m.contains("NOT_SET is not set"), m);
    }

    @Test
    void brokenValuesNameTheKey() throws IOException {
        assertTrue(error("duo.audit.repository.host", "arr").contains("duo.audit.repository.trustStore"));
        assertTrue(error("duo.audit.repository.host", "arr", "duo.audit.repository.trustStore", "missing.p12")
                .contains("not found"));
        assertTrue(error("duo.audit.repository.port", "6514").contains("duo.audit.repository.host"),
                "repository keys without a host are a mistake, not silently ignored");
        assertTrue(error("duo.audit.anchor.every", "0").contains("duo.audit.anchor.every"));
        assertTrue(error("duo.audit.anchor.interval", "soon").contains("duo.audit.anchor.interval"));
        Files.writeString(dir.resolve("ca.p12"), "x");
        assertTrue(error("duo.audit.repository.host", "arr", "duo.audit.repository.trustStore", "ca.p12",
                "duo.audit.repository.port", "70000").contains("duo.audit.repository.port"));
        assertNull(parse("duo.audit.repository.host", "arr", "duo.audit.repository.trustStore", "ca.p12")
                .repository().orElseThrow().keyStore(), "a client key is optional");
    }
}
