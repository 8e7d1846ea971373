package nl.duoviewer.xca.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;


/**
 * Streaming parser for multipart/related bodies (RFC 2046 / DICOMweb): finds the boundary in the Content-Type, skips
 * the preamble, and hands out one part at a time without holding more than a small window of the body. Accepts CRLF
 * and bare LF line ends and transport padding after boundaries. Part size, part count and header size are capped.
 */
public final class MultipartRelatedParser {

    /** Limits for one body. */
    public record Limits(long maxPartBytes, int maxParts, int maxHeaderBytes) {

        public static final Limits DEFAULT = new Limits(1L << 30, 100_000, 16 * 1024);
    }

    private final InputStream in;
    private final byte[] delimiter; // "\n--" + boundary
    private final Limits limits;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private boolean finished;
    private int parts;
    private PartStream current;

    public MultipartRelatedParser(InputStream in, String contentType, Limits limits) throws IOException {
        this.in = in;
        this.limits = limits;
        this.delimiter = ("\n--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(64 * 1024, delimiter.length * 4)];
        // a virtual line break before the body lets a leading boundary match like any other
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
        // everything up to the first boundary is preamble
        PartStream preamble = new PartStream(Math.min(limits.maxPartBytes(), 1L << 20));
        drain(preamble);
        if (!preamble.done) {
            throw new IOException("multipart body has no boundary");
        }
        afterBoundary();
    }

    /** The boundary parameter of a multipart Content-Type. */
    public static String boundary(String contentType) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith("multipart/")) {
            throw new IOException("not a multipart response: " + contentType);
        }
        String b = parameters(contentType).get("boundary");
        if (b == null || b.isEmpty() || b.length() > 70) {
            throw new IOException("multipart Content-Type without a valid boundary: " + contentType);
        }
        return b;
    }

    /** Parameters of a media type, names in lower case, quotes removed. */
    public static Map<String, String> parameters(String mediaType) {
        Map<String, String> out = new HashMap<>();
        int i = mediaType.indexOf(';');
        while (i >= 0 && i < mediaType.length()) {
            int eq = mediaType.indexOf('=', i + 1);
            if (eq < 0) {
                break;
            }
            String name = mediaType.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < mediaType.length() && mediaType.charAt(j) == ' ') {
                j++;
            }
            String value;
            if (j < mediaType.length() && mediaType.charAt(j) == '"') {
                StringBuilder v = new StringBuilder();
                j++;
                while (j < mediaType.length() && mediaType.charAt(j) != '"') {
                    char c = mediaType.charAt(j);
                    if (c == '\\' && j + 1 < mediaType.length()) {
                        c = mediaType.charAt(++j);
                    }
                    v.append(c);
                    j++;
                }
                value = v.toString();
                i = mediaType.indexOf(';', j);
            } else {
                int semi = mediaType.indexOf(';', j);
                value = (semi < 0 ? mediaType.substring(j) : mediaType.substring(j, semi)).strip();
                i = semi;
            }
            out.putIfAbsent(name, value);
        }
        return out;
    }

    /** The next part, or null after the closing boundary. Skips what is left of the previous part. */
    public MultipartPart next() throws IOException {
        if (current != null) {
            if (!current.done) {
                drain(current);
            }
            afterBoundary();
        }
        current = null;
        if (finished) {
            return null;
        }
        if (++parts > limits.maxParts()) {
            throw new IOException("multipart body has more than " + limits.maxParts() + " parts");
        }
        Map<String, String> headers = readHeaders();
        current = new PartStream(limits.maxPartBytes());
        PartStream part = current;
        InputStream body = new java.io.FilterInputStream(new CappedInputStream(part, limits.maxPartBytes(),
                "A multipart part")) {
            @Override
            public void close() {
                // closing a part only means the caller is done with it; the response stream stays open
            }
        };
        return new MultipartPart(headers, body);
    }

    private void drain(PartStream part) throws IOException {
        byte[] skip = new byte[8192];
        while (part.read(skip, 0, skip.length) >= 0) {
            // discard
        }
    }

    /** After "--boundary": either "--" (the end) or padding and a line end, then the next part's headers. */
    private void afterBoundary() throws IOException {
        current = null;
        ensure(2);
        if (lim - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            pos += 2;
            return;
        }
        int guard = 0;
        while (true) {
            ensure(1);
            if (pos >= lim) {
                throw new IOException("multipart body ended after a boundary");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return;
            }
            if (b != ' ' && b != '\t' && b != '\r' || ++guard > 1000) {
                throw new IOException("garbage after a multipart boundary");
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new HashMap<>();
        StringBuilder line = new StringBuilder();
        String last = null;
        int total = 0;
        while (true) {
            ensure(1);
            if (pos >= lim) {
                throw new IOException("multipart body ended inside part headers");
            }
            byte b = buf[pos++];
            if (++total > limits.maxHeaderBytes()) {
                throw new IOException("multipart part headers larger than " + limits.maxHeaderBytes() + " bytes");
            }
            if (b != '\n') {
                line.append((char) (b & 0xff));
                continue;
            }
            int len = line.length();
            if (len > 0 && line.charAt(len - 1) == '\r') {
                line.setLength(len - 1);
            }
            if (line.isEmpty()) {
                return headers;
            }
            String l = line.toString();
            line.setLength(0);
            if ((l.charAt(0) == ' ' || l.charAt(0) == '\t') && last != null) {
                headers.put(last, headers.get(last) + " " + l.strip());
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed multipart part header");
            }
            last = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(last, l.substring(colon + 1).strip());
        }
    }

    /** Makes at least {@code n} bytes available unless the body ends first. */
    private void ensure(int n) throws IOException {
        while (lim - pos < n && !eof) {
            fill();
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            return;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
        } else {
            lim += n;
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = lim - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes of one part, ending where the next delimiter starts. */
    private final class PartStream extends InputStream {
        private final long cap;
        private long count;
        private boolean done;

        PartStream(long cap) {
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int idx = indexOfDelimiter();
                if (idx >= 0) {
                    int end = idx > pos && buf[idx - 1] == '\r' ? idx - 1 : idx;
                    if (end > pos) {
                        return copy(b, off, Math.min(len, end - pos));
                    }
                    pos = idx + delimiter.length;
                    done = true;
                    return -1;
                }
                // a delimiter (with its CR) may start in the last delimiter.length bytes: keep them
                int safe = lim - delimiter.length;
                if (safe > pos) {
                    return copy(b, off, Math.min(len, safe - pos));
                }
                if (eof) {
                    throw new IOException("multipart body ended without a closing boundary");
                }
                fill();
            }
        }

        private int copy(byte[] b, int off, int n) throws IOException {
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            count += n;
            if (count > cap) {
                throw new CappedInputStream.SizeLimitExceededException(
                        "multipart part larger than " + cap + " bytes");
            }
            return n;
        }
    }
}
