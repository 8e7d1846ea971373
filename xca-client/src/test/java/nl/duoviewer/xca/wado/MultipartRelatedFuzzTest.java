package nl.duoviewer.xca.wado;

import nl.duoviewer.xca.io.MultipartPart;

import nl.duoviewer.xca.io.MultipartRelatedParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nl.duoviewer.xca.foreign.Mutations;

/**
 * Seeded mutation of multipart/related bodies as WADO-RS sends them (CRLF and bare-LF line ends, quoted and plain
 * boundaries, transport padding) and of their Content-Type: every mutant yields parts or the parser's
 * {@link IOException}; nothing escapes, nothing hangs, and no part is larger than the limit or the body it came from.
 */
class MultipartRelatedFuzzTest {

    static final int MUTANTS = 3000;
    static final MultipartRelatedParser.Limits LIMITS = new MultipartRelatedParser.Limits(1 << 20, 64, 2048);

    static byte[] body(String eol, String boundary, int parts, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("preamble" + eol).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < parts; i++) {
            out.writeBytes((eol + "--" + boundary + " \t" + eol + "Content-Type: application/dicom; transfer-syntax="
                    + "1.2.840.10008.1.2.1" + eol + "Content-Location: /studies/1/series/2/instances/3." + i + eol
                    + eol).getBytes(StandardCharsets.US_ASCII));
            byte[] data = new byte[r.nextInt(600)];
            r.nextBytes(data);
            out.writeBytes(data);
        }
        out.writeBytes((eol + "--" + boundary + "--" + eol).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void everyMutatedBodyYieldsPartsOrTheParsersError() {
        SplittableRandom random = new SplittableRandom(20261205L);
        String[] types = {"multipart/related; type=\"application/dicom\"; boundary=abc",
            "multipart/related; boundary=\"b=\\\"x y\\\"\"; type=\"application/dicom\""};
        String[] boundaries = {"abc", "b=\"x y\""};
        byte[][] seeds = {body("\r\n", boundaries[0], 3, random), body("\n", boundaries[1], 2, random)};
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                int s = i % seeds.length;
                byte[] mutant = Mutations.mutate(seeds[s], random);
                String type = i % 10 == 9 ? new String(Mutations.mutate(types[s].getBytes(StandardCharsets.ISO_8859_1),
                        random), StandardCharsets.ISO_8859_1) : types[s];
                try (InputStream in = new ByteArrayInputStream(mutant)) {
                    MultipartRelatedParser p = new MultipartRelatedParser(in, type, LIMITS);
                    MultipartPart part;
                    int n = 0;
                    long total = 0;
                    while ((part = p.next()) != null) {
                        byte[] b = part.body().readAllBytes();
                        assertTrue(b.length <= LIMITS.maxPartBytes() && b.length <= mutant.length);
                        total += b.length;
                        n++;
                    }
                    assertTrue(n <= LIMITS.maxParts() && total <= mutant.length, "mutant " + i);
                    outcome[0]++;
                } catch (IOException e) {
                    outcome[1]++;
                } catch (RuntimeException e) {
                    fail("mutant " + i + " escaped as " + e, e);
                }
            }
        });
        assertEquals(MUTANTS, outcome[0] + outcome[1]);
        assertTrue(outcome[0] > 0 && outcome[1] > 0, "both outcomes occur: " + outcome[0] + " / " + outcome[1]);
    }
}
