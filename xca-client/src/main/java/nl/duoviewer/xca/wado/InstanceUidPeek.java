package nl.duoviewer.xca.wado;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;

import nl.duoviewer.core.dicom.DicomStream;
import nl.duoviewer.core.dicom.ReadOptions;

/**
 * Reads the SOP Instance UID from the header of a Part-10 stream, handing on every byte it looked at with the rest of
 * the stream. Multipart parts need not carry a Content-Location (Orthanc sends none for instances), so the instance
 * is named from its own header: (0008,0018), else the File Meta Information's (0002,0003). At most
 * {@link #MAX_HEADER_BYTES} are read ahead; a longer or unreadable header just leaves the part unnamed.
 */
final class InstanceUidPeek {

    /** Headers up to the pixel data are a few KB; beyond this the part stays unnamed rather than buffered. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    /**
     * @param sopInstanceUid the UID, or null when no header could be read within the limit
     * @param data           the whole stream, from its first byte
     */
    record Result(String sopInstanceUid, InputStream data) {
    }

    private InstanceUidPeek() {
    }

    static Result peek(InputStream in) throws IOException {
        Recording recording = new Recording(in);
        String uid = null;
        try {
            // not closed: that would close the part stream, which the consumer still reads
            DicomStream header = DicomStream.open(recording,
                    ReadOptions.DEFAULT.withMaxValueLength(MAX_HEADER_BYTES).withStopAtPixelData(true));
            uid = header.header().sopInstanceUid();
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // not a readable Part-10 header within the limit: the part stays unnamed. A broken connection fails
            // again where the consumer reads on.
        }
        if (uid != null) {
            uid = uid.strip();
            if (uid.isEmpty() || uid.length() > 64 || !uid.matches("[0-9]+(\\.[0-9]+)*")) {
                uid = null;
            }
        }
        InputStream replay = new ByteArrayInputStream(recording.seen.toByteArray());
        return new Result(uid, new SequenceInputStream(replay, in));
    }

    private static final class HeaderTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        HeaderTooLongException() {
            super("instance header longer than " + MAX_HEADER_BYTES + " bytes");
        }
    }

    /** Keeps what the header reader consumed, up to the limit. */
    private static final class Recording extends FilterInputStream {
        final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int room = MAX_HEADER_BYTES - seen.size();
            if (room <= 0) {
                throw new HeaderTooLongException();
            }
            int n = super.read(b, off, Math.min(len, room));
            if (n > 0) {
                seen.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(n, 8192)];
            int r = read(scratch, 0, scratch.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the part stream stays open for the consumer
        }
    }
}
