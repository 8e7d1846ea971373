package nl.duoviewer.xca.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes a multipart body through and fails it when it ends before its close-delimiter ({@code --boundary--}, RFC
 * 2046 5.1.1). A MIME parser that takes the end of the stream for the end of the part it is in (CXF's does) would
 * otherwise hand over a part cut short by a dropped connection or a gateway that gave up, as if it were whole.
 */
public final class CloseDelimiterInputStream extends FilterInputStream {

    /** The body ended before its close-delimiter: what was read last is incomplete. */
    public static final class TruncatedException extends IOException {
        private static final long serialVersionUID = 1L;
        TruncatedException(String message) {
            super(message);
        }
    }

    private final byte[] delimiter;
    private final int[] fallback;
    private int matched;
    private boolean closed;

    /** @param boundary the boundary parameter of the body's Content-Type */
    public CloseDelimiterInputStream(InputStream in, String boundary) {
        super(in);
        this.delimiter = ("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII);
        this.fallback = failureFunction(delimiter);
    }

    /** True once the close-delimiter has passed. */
    public boolean complete() {
        return closed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            return ended();
        }
        scan((byte) b);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            return ended();
        }
        for (int i = off; i < off + n && !closed; i++) {
            scan(b[i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must be seen too; read them instead
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private int ended() throws IOException {
        if (!closed) {
            throw new TruncatedException("the MIME package ended before its closing boundary (truncated)");
        }
        return -1;
    }

    /** One step of a Knuth-Morris-Pratt match of the close-delimiter. */
    private void scan(byte b) {
        if (closed) {
            return;
        }
        while (matched > 0 && delimiter[matched] != b) {
            matched = fallback[matched - 1];
        }
        if (delimiter[matched] == b) {
            matched++;
        }
        if (matched == delimiter.length) {
            closed = true;
        }
    }

    private static int[] failureFunction(byte[] p) {
        int[] f = new int[p.length];
        for (int i = 1, k = 0; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = f[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
