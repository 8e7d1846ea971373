package nl.duoviewer.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.audit.log.LogRecord.Kind;

class AuditLogTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    private Path logWith(int events) throws IOException {
        Path file = dir.resolve("audit").resolve("audit.log");
        AuditLog log = AuditLog.open(file, "ws-1", T0);
        for (int i = 1; i <= events; i++) {
            log.append(Kind.EVENT, "<AuditMessage n=\"" + i + "\">999999011</AuditMessage>", T0.plusSeconds(i));
            if (i % 4 == 0) {
                log.appendAnchor(T0.plusSeconds(i));
            }
        }
        return file;
    }

    private record Run(int exit, String out) {
    }

    private static Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedLogIsIntact() throws IOException {
        Path file = logWith(10);
        Run r = verify(file.toString());
        assertEquals(AuditVerifyCommand.INTACT, r.exit(), r.out());
        assertTrue(r.out().contains("intact, 13 records, 2 anchors"), r.out());
    }

    @Test
    void aModifiedRecordIsNamed() throws IOException {
        Path file = logWith(10);
        List<String> lines = lines(file);
        lines.set(2, lines.get(2).replace("999999011", "999999023")); // record 3: another patient
        write(file, lines);
        Run r = verify(file.toString());
        assertEquals(AuditVerifyCommand.TAMPERED, r.exit(), r.out());
        assertTrue(r.out().contains("record 3 (line 3) was modified"), r.out());
    }

    @Test
    void aDeletedRecordIsNamed() throws IOException {
        Path file = logWith(10);
        List<String> lines = lines(file);
        lines.remove(3); // record 4
        write(file, lines);
        Run r = verify(file.toString());
        assertEquals(AuditVerifyCommand.TAMPERED, r.exit(), r.out());
        assertTrue(r.out().contains("record 4 is missing"), r.out());
    }

    @Test
    void reorderedRecordsAreFound() throws IOException {
        Path file = logWith(10);
        List<String> lines = lines(file);
        Collections.swap(lines, 7, 8); // records 8 and 9
        write(file, lines);
        Run r = verify(file.toString());
        assertEquals(AuditVerifyCommand.TAMPERED, r.exit(), r.out());
        assertTrue(r.out().contains("record 8 is missing: deleted or moved (line 8 holds record 9)"), r.out());
    }

    @Test
    void aCopiedRecordIsFound() throws IOException {
        Path file = logWith(6);
        List<String> lines = lines(file);
        lines.add(4, lines.get(3));
        write(file, lines);
        Run r = verify(file.toString());
        assertEquals(AuditVerifyCommand.TAMPERED, r.exit());
        assertTrue(r.out().contains("record 4 on line 5 is out of order"), r.out());
    }

    /** Someone who knows the format rewrites the chain from a record on: only the repository's anchors catch it. */
    @Test
    void aRewrittenChainPassesAloneButNotAgainstTheRepositorysAnchors() throws IOException {
        Path file = logWith(10);
        AuditLog log = AuditLog.open(file, "ws-1", T0);
        List<String> anchorsReceived = new ArrayList<>();
        for (String line : lines(file)) {
            LogRecord r = LogRecord.parse(line);
            if (r.kind() == Kind.ANCHOR) {
                String[] f = r.content().split(" ");
                anchorsReceived.add("<85>1 2026-12-03T09:00:00.000Z ws-1 duoviewer " + log.logId()
                        + " DUO-AUDIT-ANCHOR [meta sequenceId=\"" + r.seq() + "\"] "
                        + AuditLogVerifier.anchorMessage(log.logId(), Long.parseLong(f[0].substring(4)),
                        f[1].substring(5)));
            }
        }
        Path received = dir.resolve("received.log");
        Files.write(received, anchorsReceived, StandardCharsets.UTF_8);
        assertEquals(AuditVerifyCommand.INTACT, verify(file.toString(), "--anchors", received.toString()).exit());

        List<String> lines = lines(file);
        List<String> forged = new ArrayList<>(lines.subList(0, 2));
        String prev = LogRecord.parse(forged.getLast()).hash();
        for (String line : lines.subList(2, lines.size())) {
            LogRecord r = LogRecord.parse(line);
            String content = r.content().replace("999999011", "999999023");
            if (r.kind() == Kind.ANCHOR) {
                content = "seq=" + (r.seq() - 1) + " hash=" + prev;
            }
            LogRecord f = LogRecord.chained(prev, r.seq(), r.time(), r.kind(), content);
            forged.add(f.line());
            prev = f.hash();
        }
        write(file, forged);
        assertEquals(AuditVerifyCommand.INTACT, verify(file.toString()).exit(), "the chain alone cannot tell");
        Run r = verify(file.toString(), "--anchors", received.toString());
        assertEquals(AuditVerifyCommand.TAMPERED, r.exit(), r.out());
        assertTrue(r.out().contains("does not match the anchor the audit repository received"), r.out());
    }

    @Test
    void cuttingOffTheEndIsFoundThroughTheRepositorysAnchors() throws IOException {
        Path file = logWith(10);
        AuditLog log = AuditLog.open(file, "ws-1", T0);
        LogRecord last = LogRecord.parse(lines(file).get(9)); // record 10, anchored by record 11
        Path received = dir.resolve("received.log");
        Files.writeString(received, "x DUO-AUDIT-ANCHOR [meta sequenceId=\"11\"] "
                + AuditLogVerifier.anchorMessage(log.logId(), 10, last.hash()) + "\n");
        write(file, lines(file).subList(0, 8));
        assertEquals(AuditVerifyCommand.INTACT, verify(file.toString()).exit());
        Run r = verify(file.toString(), "--anchors", received.toString());
        assertEquals(AuditVerifyCommand.TAMPERED, r.exit(), r.out());
        assertTrue(r.out().contains("records after 8 are missing"), r.out());
    }

    @Test
    void aReopenedLogContinuesTheChainAndTwoWritersKeepOneChain() throws IOException {
        Path file = logWith(3);
        AuditLog a = AuditLog.open(file, "ws-1", T0);
        AuditLog b = AuditLog.open(file, "ws-1", T0);
        assertEquals(a.logId(), b.logId());
        for (int i = 0; i < 5; i++) {
            a.append(Kind.EVENT, "from a " + i, T0);
            b.append(Kind.EVENT, "from b " + i, T0);
        }
        b.appendAnchor(T0);
        a.appendAnchor(T0);
        assertEquals(16, a.lastSeq());
        assertEquals(AuditVerifyCommand.INTACT, verify(file.toString()).exit(), verify(file.toString()).out());
    }

    @Test
    void aTornLastLineIsClosedAndReportedButTheChainGoesOn() throws IOException {
        Path file = logWith(3);
        Files.writeString(file, "5\t2026-12-03T09:", StandardOpenOption.APPEND); // crash mid-write
        AuditLog log = AuditLog.open(file, "ws-1", T0);
        LogRecord r = log.append(Kind.EVENT, "after the crash", T0);
        assertEquals(5, r.seq());
        Run v = verify(file.toString());
        assertEquals(AuditVerifyCommand.TAMPERED, v.exit());
        assertTrue(v.out().contains("line 5 is not a record"), v.out());
    }

    @Test
    void payloadsWithLineBreaksAndTabsStayOneRecord() throws IOException {
        Path file = dir.resolve("a.log");
        AuditLog log = AuditLog.open(file, "ws-1", T0);
        log.append(Kind.EVENT, "a\tb\nc\\d\re", T0);
        var read = log.readFrom(0, 10);
        assertEquals(2, read.size());
        assertEquals("a\tb\nc\\d\re", read.get(1).record().content());
        assertEquals(AuditVerifyCommand.INTACT, verify(file.toString()).exit());
    }

    @Test
    void theLogIsTheOwnersOnly() throws IOException {
        Path file = logWith(1);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void badCommandLinesAndMissingFilesExitTwo() {
        assertEquals(AuditVerifyCommand.UNUSABLE, verify().exit());
        assertEquals(AuditVerifyCommand.UNUSABLE, verify(dir.resolve("none.log").toString()).exit());
        assertEquals(AuditVerifyCommand.UNUSABLE, verify("a", "b").exit());
    }

    @Test
    void aFileThatIsNoAuditLogIsNotIntact() throws IOException {
        Path file = dir.resolve("other.txt");
        Files.writeString(file, "hello\n");
        assertFalse(AuditLogVerifier.verify(file).intact());
    }
}
