package nl.duoviewer.launch.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SmartSettingsTest {

    @Test
    void readsTheDeploymentKeys() {
        Properties p = new Properties();
        p.setProperty("duo.launch.smart.clientId", "duoviewer");
        p.setProperty("duo.launch.smart.issuers", "https://ehr.example.nl/fhir/, http://127.0.0.1:8080/fhir");
        p.setProperty("duo.launch.smart.trustEhrIdentity", "true");
        p.setProperty("duo.launch.smart.timeout", "PT2M");
        SmartSettings s = SmartSettings.fromProperties(p, "viewer.properties");
        assertTrue(s.trusts(URI.create("https://ehr.example.nl/fhir")), "a trailing slash does not matter");
        assertTrue(s.trusts(URI.create("http://127.0.0.1:8080/fhir")));
        assertFalse(s.trusts(URI.create("https://ehr.example.nl/other")));
        assertTrue(s.trustEhrIdentity());
        assertEquals(Duration.ofMinutes(2), s.authorizationTimeout());
        assertFalse(SmartSettings.fromProperties(new Properties(), "x").enabled(), "off unless configured");
    }

    @Test
    void errorsNameTheFileAndTheKey() {
        Properties p = new Properties();
        p.setProperty("duo.launch.smart.issuers", "http://ehr.example.nl/fhir");
        p.setProperty("duo.launch.smart.clientId", "duoviewer");
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> SmartSettings.fromProperties(p, "viewer.properties"));
        assertTrue(plain.getMessage().startsWith("viewer.properties: duo.launch.smart.issuers"), plain.getMessage());
        p.setProperty("duo.launch.smart.issuers", "https://ehr.example.nl/fhir");
        p.remove("duo.launch.smart.clientId");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SmartSettings.fromProperties(p, "f"))
                .getMessage().contains("clientId"));
        p.setProperty("duo.launch.smart.clientId", "duoviewer");
        p.setProperty("duo.launch.smart.trustEhrIdentity", "yes");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SmartSettings.fromProperties(p, "f"))
                .getMessage().contains("trustEhrIdentity"));
    }
}
