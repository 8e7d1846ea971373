package nl.duoviewer.audit.syslog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One TLS connection to the audit repository. Syslog is simplex: the repository never answers, so whether it is still
 * there is learnt by reading: a read that times out means the connection is open, an end of stream or an error means
 * it is gone (the repository stopped or dropped us).
 */
final class TlsSyslogConnection implements Closeable {

    private static final int PROBE_MILLIS = 50;

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;

    private TlsSyslogConnection(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Connects and completes the handshake, checking that the repository's certificate names {@code host}. */
    static TlsSyslogConnection open(SSLContext ctx, SyslogSettings s) throws IOException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, s.connectTimeout().toMillis());
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(s.host(), s.port()), timeout);
            SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, s.host(), s.port(), true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host we asked for
            ssl.setSSLParameters(p);
            ssl.setSoTimeout(timeout);
            ssl.startHandshake();
            return new TlsSyslogConnection(ssl);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    void write(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    /** True while the repository keeps the connection open. */
    boolean alive() {
        try {
            socket.setSoTimeout(PROBE_MILLIS);
            return in.read() >= 0; // a byte would be odd (syslog is simplex) but means the peer is there
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a connection that is already gone
        }
    }
}
