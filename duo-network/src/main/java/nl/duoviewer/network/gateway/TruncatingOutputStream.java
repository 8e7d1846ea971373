package nl.duoviewer.network.gateway;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes the first {@code limit} bytes through and silently drops the rest, so the response ends early but cleanly on
 * the HTTP level: the client sees a body that stops in the middle of a MIME part, without its closing boundary.
 */
public final class TruncatingOutputStream extends FilterOutputStream {

    private final long limit;
    private long written;

    public TruncatingOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long room = limit - written;
        if (room > 0) {
            int n = (int) Math.min(room, len);
            out.write(b, off, n);
            if (n == room) {
                out.flush(); // what was let through is on the wire before the rest is dropped
            }
        }
        written += len;
    }
}
