package nl.duoviewer.xca.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CloseDelimiterInputStreamTest {

    private static final String BOUNDARY = "uuid:8e0c-41";
    private static final String BODY = "\r\n--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n"
            + "DICM part one --" + BOUNDARY + " is a delimiter, not the close one"
            + "\r\n--" + BOUNDARY + "\r\n\r\npart two\r\n--" + BOUNDARY + "--\r\nepilogue";

    /** Reads everything in reads of at most {@code chunk} bytes, so the delimiter is split across them. */
    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        int n;
        while ((n = in.read(buf, 0, chunk)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void aWholeBodyPassesUnchangedHoweverItIsRead() throws IOException {
        byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
        for (int chunk : new int[] {1, 3, 7, 64, 8192}) {
            CloseDelimiterInputStream in = new CloseDelimiterInputStream(new ByteArrayInputStream(body), BOUNDARY);
            assertArrayEquals(body, readAll(in, chunk), "chunk " + chunk);
            assertTrue(in.complete());
        }
    }

    @Test
    void aBodyCutAnywhereBeforeItsCloseDelimiterFailsAtTheEnd() {
        byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
        int close = BODY.indexOf("--" + BOUNDARY + "--");
        for (int cut : new int[] {0, 10, BODY.indexOf("part two") + 4, close, close + BOUNDARY.length() + 3}) {
            byte[] truncated = java.util.Arrays.copyOf(body, cut);
            assertThrows(CloseDelimiterInputStream.TruncatedException.class, () -> readAll(
                    new CloseDelimiterInputStream(new ByteArrayInputStream(truncated), BOUNDARY), 5), "cut " + cut);
            assertThrows(CloseDelimiterInputStream.TruncatedException.class, () -> {
                InputStream in = new CloseDelimiterInputStream(new ByteArrayInputStream(truncated), BOUNDARY);
                while (in.read() >= 0) {
                    // byte by byte
                }
            });
        }
    }
}
