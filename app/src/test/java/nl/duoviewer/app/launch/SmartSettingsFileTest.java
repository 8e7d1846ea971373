package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.launch.smart.SmartSettings;

/** The SMART keys live in the deployment's one configuration file; a wrong one is named with the file (exit 2). */
class SmartSettingsFileTest {

    @Test
    void theKeysBesideTheNetworkKeysAreRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("viewer.properties"), """
                duo.communities=founda
                duo.launch.smart.clientId=duoviewer
                duo.launch.smart.issuers=https://ehr.ziekenhuis.nl/fhir
                """);
        SmartSettings s = SmartSettingsFile.load(file);
        assertTrue(s.trusts(URI.create("https://ehr.ziekenhuis.nl/fhir")));
        assertFalse(s.trustEhrIdentity(), "the EHR is not trusted for the user unless IT says so");
        assertFalse(SmartSettingsFile.load(Files.writeString(dir.resolve("plain.properties"), "duo.actor=x\n"))
                .enabled(), "no keys, no SMART launches");
    }

    @Test
    void theEhrVouchesForTheUserOnlyWhereTheIdentitySourcesSaySo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("viewer.properties"), """
                duo.launch.smart.clientId=duoviewer
                duo.launch.smart.issuers=https://ehr.ziekenhuis.nl/fhir
                duo.identity.sources=UZI_PAS, EHR_LAUNCH
                """);
        assertTrue(SmartSettingsFile.load(file).trustEhrIdentity());
        Path old = Files.writeString(dir.resolve("old.properties"), """
                duo.launch.smart.clientId=duoviewer
                duo.launch.smart.issuers=https://ehr.ziekenhuis.nl/fhir
                duo.launch.smart.trustEhrIdentity=true
                """);
        String message = assertThrows(IllegalArgumentException.class, () -> SmartSettingsFile.load(old))
                .getMessage();
        assertTrue(message.contains(old.toString()) && message.contains("duo.launch.smart.trustEhrIdentity")
                && message.contains("duo.identity.sources"), message);
    }

    @Test
    void aWrongValueNamesTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("viewer.properties"), """
                duo.launch.smart.clientId=duoviewer
                duo.launch.smart.issuers=http://ehr.ziekenhuis.nl/fhir
                """);
        String message = assertThrows(IllegalArgumentException.class, () -> SmartSettingsFile.load(file))
                .getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("duo.launch.smart.issuers"), message);
    }
}
