package nl.duoviewer.network.gateway;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/** Writes through in small chunks, pausing to respect a bandwidth cap or a slow-drip pattern. */
public final class ThrottledOutputStream extends FilterOutputStream {

    private final FaultProfile profile;
    private final Counters counters;
    private final long started = System.nanoTime();
    private long written;

    public ThrottledOutputStream(OutputStream out, FaultProfile profile, Counters counters) {
        super(out);
        this.profile = profile;
        this.counters = counters;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int chunk = profile.dripChunkBytes() > 0 ? profile.dripChunkBytes() : 4096;
        while (len > 0) {
            int n = Math.min(chunk, len);
            out.write(b, off, n);
            off += n;
            len -= n;
            written += n;
            counters.addThrottledBytes(n);
            pace();
        }
    }

    private void pace() throws IOException {
        try {
            if (profile.dripChunkBytes() > 0) {
                out.flush();
                Thread.sleep(profile.dripPause().toMillis());
            }
            long bps = profile.bytesPerSecond();
            if (bps > 0) {
                long dueNanos = written * 1_000_000_000L / bps;
                long ahead = dueNanos - (System.nanoTime() - started);
                if (ahead > 1_000_000) {
                    out.flush();
                    Thread.sleep(ahead / 1_000_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("throttled write interrupted");
        }
    }
}
