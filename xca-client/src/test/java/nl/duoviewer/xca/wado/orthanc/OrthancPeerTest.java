package nl.duoviewer.xca.wado.orthanc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reference configuration is used as it is, with only the port moved. */
class OrthancPeerTest {

    @Test
    void onlyThePortAndTheDicomWebHostChange() throws Exception {
        String reference = Files.readString(OrthancPeer.referenceConfig().resolve("orthanc.json"));
        String moved = OrthancPeer.withPort(reference, 54321);
        List<String> before = reference.lines().toList();
        List<String> after = moved.lines().toList();
        assertEquals(before.size(), after.size());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i).strip());
            }
        }
        assertEquals(List.of("\"HttpPort\": 54321,", "\"Host\": \"127.0.0.1:54321\","), changed);
        assertTrue(moved.matches("(?s).*\"RemoteAccessAllowed\"\\s*:\\s*false.*"), "loopback clients only");
        assertTrue(moved.matches("(?s).*\"DicomServerEnabled\"\\s*:\\s*false.*"), "no DICOM port");
    }
}
