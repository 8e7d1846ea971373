package nl.duoviewer.xca.wado;

import nl.duoviewer.xca.io.MultipartPart;

import nl.duoviewer.xca.io.MultipartRelatedParser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.duoviewer.xca.io.CappedInputStream;

class MultipartRelatedParserTest {

    private static byte[] body(String eol, String preamble, String boundary, List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < parts.size(); i++) {
            String head = (i == 0 && preamble.isEmpty() ? "" : eol) + "--" + boundary + "  " + eol
                    + "Content-Type: application/dicom" + eol + "Content-Location: /instances/1." + i + eol + eol;
            out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(parts.get(i));
        }
        out.writeBytes((eol + "--" + boundary + "--" + eol + "epilogue").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Hands out at most n bytes per read, to cross every buffer boundary. */
    private static InputStream trickle(byte[] b, int n) {
        return new FilterInputStream(new ByteArrayInputStream(b)) {
            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                return super.read(buf, off, Math.min(n, len));
            }
        };
    }

    private static List<byte[]> parseAll(InputStream in, String contentType) throws IOException {
        MultipartRelatedParser p = new MultipartRelatedParser(in, contentType, MultipartRelatedParser.Limits.DEFAULT);
        List<byte[]> out = new ArrayList<>();
        MultipartPart part;
        while ((part = p.next()) != null) {
            assertEquals("application/dicom", part.contentType());
            assertEquals("/instances/1." + out.size(), part.contentLocation());
            out.add(part.body().readAllBytes());
        }
        assertNull(p.next());
        return out;
    }

    private static List<byte[]> sampleParts() {
        Random r = new Random(7);
        List<byte[]> parts = new ArrayList<>();
        for (int size : new int[] {0, 1, 2, 100, 70_000, 200_001}) {
            byte[] b = new byte[size];
            r.nextBytes(b);
            parts.add(b);
        }
        // data that looks like line ends and almost-boundaries must pass through untouched
        parts.add("\r\n--ab\r\n--abd\r\r\n\n--a-abc\r".getBytes(StandardCharsets.US_ASCII));
        return parts;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17, 4096, 1 << 20})
    void partsSurviveAnyReadSizeWithCrlf(int chunk) throws IOException {
        List<byte[]> parts = sampleParts();
        byte[] body = body("\r\n", "", "abc", parts);
        List<byte[]> got = parseAll(trickle(body, chunk), "multipart/related; type=\"application/dicom\"; boundary=abc");
        assertEquals(parts.size(), got.size());
        for (int i = 0; i < parts.size(); i++) {
            assertArrayEquals(parts.get(i), got.get(i), "part " + i);
        }
    }

    @Test
    void bareLfLineEndsPreambleAndQuotedBoundaryAreAccepted() throws IOException {
        List<byte[]> parts = sampleParts().subList(0, 5);
        byte[] body = body("\n", "This is a preamble\nover two lines", "b=\"x y\"", parts);
        List<byte[]> got = parseAll(trickle(body, 5),
                "Multipart/Related; boundary=\"b=\\\"x y\\\"\"; type=\"application/dicom\"");
        for (int i = 0; i < parts.size(); i++) {
            assertArrayEquals(parts.get(i), got.get(i), "part " + i);
        }
    }

    /** Orthanc's frames response: the type parameter is a quoted media type with its own parameters. */
    @Test
    void boundaryFollowsAQuotedTypeWithParameters() throws IOException {
        String boundary = "52bea9a3-9f92-412e-8a63-7bc339bfddd9-a445e419-c1a7-470c-9b13-6ba04c81f";
        String contentType = "multipart/related; "
                + "type=\"application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\"; boundary=" + boundary;
        assertEquals(boundary, MultipartRelatedParser.boundary(contentType));
        assertEquals("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1",
                MultipartRelatedParser.parameters(contentType).get("type"));
    }

    @Test
    void unreadPartsAreSkipped() throws IOException {
        List<byte[]> parts = sampleParts();
        MultipartRelatedParser p = new MultipartRelatedParser(new ByteArrayInputStream(body("\r\n", "", "abc", parts)),
                "multipart/related; boundary=abc", MultipartRelatedParser.Limits.DEFAULT);
        int n = 0;
        while (p.next() != null) {
            n++;
        }
        assertEquals(parts.size(), n);
    }

    @Test
    void partLargerThanTheCapFails() throws IOException {
        byte[] big = new byte[10_000];
        MultipartRelatedParser p = new MultipartRelatedParser(
                new ByteArrayInputStream(body("\r\n", "", "abc", List.of(big))), "multipart/related; boundary=abc",
                new MultipartRelatedParser.Limits(9_999, 10, 1024));
        MultipartPart part = p.next();
        assertThrows(CappedInputStream.SizeLimitExceededException.class, () -> part.body().readAllBytes());
    }

    @Test
    void brokenBodiesFailClearly() {
        String type = "multipart/related; boundary=abc";
        assertThrows(IOException.class, () -> parseAll(new ByteArrayInputStream(
                "no boundary anywhere".getBytes(StandardCharsets.US_ASCII)), type));
        byte[] truncated = body("\r\n", "", "abc", List.of(new byte[500]));
        byte[] cut = java.util.Arrays.copyOf(truncated, 200);
        assertThrows(IOException.class, () -> parseAll(new ByteArrayInputStream(cut), type));
        assertThrows(IOException.class, () -> MultipartRelatedParser.boundary("application/dicom"));
        assertThrows(IOException.class, () -> MultipartRelatedParser.boundary("multipart/related; type=x"));
        byte[] manyHeaders = ("--abc\r\n" + "X: y\r\n".repeat(5000) + "\r\nbody\r\n--abc--")
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(IOException.class, () -> parseAll(new ByteArrayInputStream(manyHeaders), type));
        byte[] tooMany = body("\r\n", "", "abc", List.of(new byte[1], new byte[1], new byte[1]));
        assertThrows(IOException.class, () -> {
            MultipartRelatedParser p = new MultipartRelatedParser(new ByteArrayInputStream(tooMany), type,
                    new MultipartRelatedParser.Limits(100, 2, 1024));
            while (p.next() != null) {
                // read on
            }
        });
    }
}
