package nl.duoviewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.app.audit.WorkstationAudit;
import nl.duoviewer.app.testing.TestNetwork;
import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.xca.audit.AuditEvent;
import nl.duoviewer.xca.config.RequesterIdentity;

/**
 * {@code duoviewer audit-verify FILE}: the viewer's own launcher checks a workstation audit log, in a process of its
 * own, without a window; and a broken {@code duo.audit} block stops the viewer before it opens one.
 */
class AuditVerifyCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result launch(String... args) throws Exception {
        Path out = Files.createTempFile("duoviewer-out", ".txt");
        Path err = Files.createTempFile("duoviewer-err", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("audit-verify did not exit");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private Path logOfASession() {
        WorkstationAudit audit;
        try {
            audit = WorkstationAudit.open(AuditSettings.localOnly(dir.resolve("audit")), Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Bsn patient = Bsn.parse("999999011");
        audit.requesterIs(new RequesterIdentity(new nl.duoviewer.xca.config.OrganisationIdentity("00001234", "Ziekenhuis Oost", "",
                "TREAT"), new nl.duoviewer.xca.identity.UserIdentity("900012345", "01.015", "Dr. Test",
                nl.duoviewer.xca.identity.IdentitySource.UZI_PAS)));
        audit.patientOpened(patient);
        audit.record(AuditEvent.of(Instant.now(), AuditEvent.Transaction.ITI_38, patient)
                .community("urn:oid:1.2.3").endpoint("https://gw.example.nl/iti38").build());
        audit.patientClosed(patient);
        audit.close();
        return audit.trail().log().file();
    }

    @Test
    void anIntactLogExitsZeroAndATamperedOneExitsOneNamingTheRecord() throws Exception {
        Path log = logOfASession();
        Result ok = launch("audit-verify", log.toString());
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("intact, 5 records, 1 anchors"), ok.out());

        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.remove(2);
        Files.write(log, lines, StandardCharsets.UTF_8);
        Result bad = launch("audit-verify", log.toString());
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.out().contains("record 3 is missing"), bad.out());

        assertEquals(2, launch("audit-verify").exit(), "no file given");
    }

    @Test
    void aBrokenAuditBlockEndsTheStartWithFileAndKey() throws Exception {
        Path config = TestNetwork.fresh().writeClientConfig(dir.resolve("gateway.properties"));
        Files.writeString(config, "duo.audit.repository.host=arr.example.nl\n", java.nio.file.StandardOpenOption.APPEND);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--config", config.toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, message);
        assertTrue(message.contains(config.toString()) && message.contains("duo.audit.repository.trustStore"),
                message);
    }
}
