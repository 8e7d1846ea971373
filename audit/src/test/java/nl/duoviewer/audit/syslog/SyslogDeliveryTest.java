package nl.duoviewer.audit.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.unmarshal.dicom.DICOMAuditParser;

import nl.duoviewer.audit.AuditSettings;
import nl.duoviewer.audit.AuditTrail;
import nl.duoviewer.audit.atna.AuditSchema;
import nl.duoviewer.audit.event.AccessEvent;
import nl.duoviewer.audit.event.Action;
import nl.duoviewer.audit.event.Institution;
import nl.duoviewer.audit.event.Requester;
import nl.duoviewer.audit.log.AuditVerifyCommand;
import nl.duoviewer.audit.testsupport.Rsyslog;
import nl.duoviewer.audit.testsupport.TestPki;

/**
 * The audit trail against a real TLS syslog receiver (rsyslog with GnuTLS, mutual TLS) on 127.0.0.1: messages
 * arrive in RFC 5425 framing, parse, and validate against the DICOM audit schema; the receiver stopped and restarted
 * mid-session loses nothing; the local log checks out against the anchors the receiver got.
 */
class SyslogDeliveryTest {

    /** {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID [meta sequenceId="N"] MSG} as rsyslog wrote it. */
    static final Pattern LINE = Pattern.compile(
            "<(\\d+)>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) \\[meta sequenceId=\"(\\d+)\"] (.*)");

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    /** One CA and one receiver for the class (key generation and start-up cost seconds); a log per test. */
    private static TestPki pki;
    private static Rsyslog receiver;
    private AuditTrail trail;

    @BeforeAll
    static void startReceiver() throws Exception {
        pki = new TestPki(shared.resolve("pki"));
        receiver = Rsyslog.start(shared.resolve("rsyslog"), pki);
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
    }

    @AfterEach
    void closeTrail() {
        if (trail != null) {
            trail.close();
        }
    }

    /** What the receiver got from this test's log. */
    private List<String> mine() throws Exception {
        String id = trail.log().logId();
        return receiver.lines().stream().filter(l -> l.contains(" " + id + " ")).toList();
    }

    private List<String> awaitMine(java.util.function.Predicate<List<String>> done) throws Exception {
        String id = trail.log().logId();
        return receiver.awaitLines(l -> done.test(l.stream().filter(x -> x.contains(" " + id + " ")).toList()),
                Duration.ofSeconds(60)).stream().filter(l -> l.contains(" " + id + " ")).toList();
    }

    private AuditTrail open(Path keyStore) throws Exception {
        SyslogSettings repo = new SyslogSettings("127.0.0.1", receiver.port(), pki.trustStore(), TestPki.PASSWORD,
                keyStore, keyStore == null ? null : TestPki.PASSWORD, Duration.ofSeconds(5));
        return AuditTrail.open(new AuditSettings(dir.resolve("audit").resolve("audit.log"), Optional.of(repo), 1000,
                Duration.ofHours(1), "ws-test-01"), Clock.systemUTC());
    }

    static AccessEvent event(int i) {
        Action a = Action.values()[i % Action.values().length];
        return AccessEvent.builder(Instant.now(), a, new Requester("900012345", "01.015", "00001234",
                        "Ziekenhuis Oost", "TREAT"), "999999011")
                .transaction(a == Action.QUERY ? "ITI-38" : "").institution(new Institution("Ziekenhuis West",
                        "00005678")).community("urn:oid:2.16.528.1.1007.3.3.1.1")
                .endpoint("https://gateway.example.nl/x").studies(List.of("1.2.3." + i)).documents(List.of(
                        "1.2.4." + i)).detail("event " + i).build();
    }

    /** sequenceId to message, checking that repeats are exact copies and first arrivals come in order. */
    private static Map<Long, String> bySequence(List<String> lines, String logId) {
        Map<Long, String> seen = new HashMap<>();
        long highest = 0;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "an RFC 5424 message with a sequence id: " + line);
            assertEquals(logId, m.group(5), "PROCID is the log id");
            long seq = Long.parseLong(m.group(7));
            String before = seen.putIfAbsent(seq, line);
            if (before != null) {
                assertEquals(before, line, "a repeat is the same message with the same id");
            } else {
                assertTrue(seq > highest, "first arrivals in order: " + seq + " after " + highest);
                highest = seq;
            }
        }
        return seen;
    }

    @Test
    void eventsArriveOverMutualTlsAndValidateAgainstTheAuditSchema() throws Exception {
        trail = open(pki.clientKeyStore("ws-test-01"));
        for (int i = 0; i < Action.values().length; i++) {
            trail.record(event(i));
        }
        long last = trail.log().lastSeq();
        List<String> lines = awaitMine(l -> l.size() >= last);
        Map<Long, String> got = bySequence(lines, trail.log().logId());
        assertEquals(last, got.size(), "every record arrived: " + lines);
        int events = 0;
        for (long seq = 1; seq <= last; seq++) {
            Matcher m = LINE.matcher(got.get(seq));
            assertTrue(m.matches());
            assertEquals("85", m.group(1), "facility 10, severity 5");
            assertEquals("ws-test-01", m.group(3));
            if (m.group(6).equals(SyslogFrame.AUDIT_MSGID)) {
                String msg = m.group(8);
                assertTrue(msg.startsWith("\uFEFF"), "UTF-8 with BOM");
                String xml = msg.substring(1);
                AuditSchema.validate(xml);
                AuditMessage parsed = new DICOMAuditParser().parse(xml, true);
                assertTrue(parsed.getParticipantObjectIdentifications().stream().anyMatch(p ->
                        p.getParticipantObjectID().startsWith("999999011^^^")), "the full BSN: " + xml);
                events++;
            }
        }
        assertEquals(Action.values().length, events);
        assertEquals(0, trail.failures());
    }

    @Test
    void theReceiverStoppedMidSessionLosesNothing() throws Exception {
        trail = open(pki.clientKeyStore("ws-test-01"));
        for (int i = 0; i < 5; i++) {
            trail.record(event(i));
        }
        long first = trail.log().lastSeq();
        awaitMine(l -> l.size() >= first);
        SyslogForwarder forwarder = trail.forwarder().orElseThrow();
        awaitTrue(() -> forwarder.confirmed() >= first, Duration.ofSeconds(10));

        receiver.stop();
        for (int i = 5; i < 15; i++) {
            trail.record(event(i)); // the repository is down: the events wait in the local log
        }
        long all = trail.log().lastSeq();
        Thread.sleep(1500);
        assertTrue(forwarder.confirmed() < all, "nothing can be confirmed while the receiver is down");
        int before = mine().size();

        receiver.restart();
        List<String> lines = awaitMine(l -> bySequenceQuiet(l).keySet().containsAll(range(all)));
        Map<Long, String> got = bySequence(lines, trail.log().logId());
        assertTrue(got.keySet().containsAll(range(all)), "every record 1.." + all + " arrived: " + got.keySet());
        assertTrue(lines.size() > before, "delivered after the restart");
        awaitTrue(() -> forwarder.confirmed() == trail.log().lastSeq(), Duration.ofSeconds(10));
    }

    @Test
    void theLocalLogChecksOutAgainstTheAnchorsTheReceiverGotAndAModifiedRecordIsFound() throws Exception {
        trail = open(pki.clientKeyStore("ws-test-01"));
        for (int i = 0; i < 6; i++) {
            trail.record(event(i));
        }
        trail.anchorIfRecordsAdded();
        long last = trail.log().lastSeq();
        awaitMine(l -> l.size() >= last);
        Path log = trail.log().file();
        assertTrue(mine().stream().anyMatch(l -> l.contains(SyslogFrame.ANCHOR_MSGID)));
        trail.close();
        trail = null;

        assertEquals(AuditVerifyCommand.INTACT, verify(log, receiver.received()));
        List<String> records = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        records.set(3, records.get(3).replace("Ziekenhuis West", "Ziekenhuis Zuid"));
        Files.write(log, records, StandardCharsets.UTF_8);
        assertEquals(AuditVerifyCommand.TAMPERED, verify(log, receiver.received()));
    }

    @Test
    void aWorkstationWithoutAClientCertificateIsRefused() throws Exception {
        trail = open(null);
        trail.record(event(1));
        Thread.sleep(2000);
        assertTrue(mine().isEmpty(),
                "the receiver accepts only workstations with a certificate of the hospital's CA");
        assertEquals(0, trail.forwarder().orElseThrow().confirmed());
    }

    private static int verify(Path log, Path received) {
        var out = new ByteArrayOutputStream();
        return AuditVerifyCommand.run(List.of(log.toString(), "--anchors", received.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static List<Long> range(long last) {
        List<Long> r = new ArrayList<>();
        for (long i = 1; i <= last; i++) {
            r.add(i);
        }
        return r;
    }

    private static Map<Long, String> bySequenceQuiet(List<String> lines) {
        Map<Long, String> m = new HashMap<>();
        for (String l : lines) {
            Matcher x = LINE.matcher(l);
            if (x.matches()) {
                m.putIfAbsent(Long.parseLong(x.group(7)), l);
            }
        }
        return m;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier c, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!c.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(c.getAsBoolean(), "condition not met within " + timeout);
    }
}
