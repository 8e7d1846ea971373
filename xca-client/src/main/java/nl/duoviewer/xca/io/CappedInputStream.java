package nl.duoviewer.xca.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until a limit, then fails: hostile or broken peers cannot make us read without end. The
 * failure is an {@link SizeLimitExceededException} naming what was being read.
 */
public final class CappedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    public CappedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) {
            add(s);
        }
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) throws SizeLimitExceededException {
        count += n;
        if (count > limit) {
            throw new SizeLimitExceededException(what + " is larger than the limit of " + limit + " bytes");
        }
    }

    /** Thrown when a capped stream passes its limit. */
    public static final class SizeLimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        public SizeLimitExceededException(String message) {
            super(message);
        }
    }
}
