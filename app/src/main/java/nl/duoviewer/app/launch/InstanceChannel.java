package nl.duoviewer.app.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps one viewer per user session: a second start (typically the desktop handing over a clicked
 * {@code duoviewer://} link while the viewer is open) passes its arguments to the running viewer, which switches
 * patient, instead of opening a second window that could show another patient beside the first.
 *
 * <p>The channel is a Unix domain socket in a directory only the user can enter (mode 0700), so no other account
 * can send a patient to the viewer. The running viewer validates what it receives exactly like a command line.
 * Protocol: one argument per line, an empty line to end; the answer is {@code OK} or {@code ERR <message>}.
 */
public final class InstanceChannel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InstanceChannel.class.getName());
    static final int MAX_REQUEST_CHARS = 8192;

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    /** What a delivery to the running viewer came to. */
    public enum Delivery {
        /** No viewer is running (or it does not answer): start one. */
        NO_VIEWER,
        /** The running viewer took the arguments. */
        DELIVERED,
        /** The running viewer refused them; the message says why. */
        REFUSED
    }

    private InstanceChannel(Path socket, ServerSocketChannel server, Consumer<AppOptions> onLaunch) {
        this.socket = socket;
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("duoviewer-instance-channel")
                .start(() -> acceptLoop(onLaunch));
    }

    /**
     * The socket path for this user: {@code $XDG_RUNTIME_DIR/duoviewer/instance.sock}, else under
     * {@code ~/.cache/duoviewer}; the system property {@code duoviewer.instanceSocket} overrides it.
     */
    public static Path defaultSocket() {
        String override = System.getProperty("duoviewer.instanceSocket");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() ? Path.of(runtime, "duoviewer")
                : Path.of(System.getProperty("user.home"), ".cache", "duoviewer");
        return dir.resolve("instance.sock");
    }

    /**
     * Becomes the running viewer: listens for later starts and hands their validated options to {@code onLaunch} (on
     * the channel's thread; a start without a patient asks the viewer to come to the front). Empty when another viewer already listens, or the socket cannot be made.
     */
    public static Optional<InstanceChannel> claim(Path socket, Consumer<AppOptions> onLaunch) {
        Objects.requireNonNull(onLaunch);
        try {
            if (Files.exists(socket)) {
                if (answers(socket)) {
                    return Optional.empty();
                }
                Files.delete(socket); // left behind by a viewer that crashed
            }
            Path dir = socket.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return Optional.of(new InstanceChannel(socket, server, onLaunch));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "single-instance channel not available: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Passes the arguments to the running viewer, if there is one. Refusals carry the viewer's message. */
    public static Result deliver(Path socket, List<String> args) {
        if (!Files.exists(socket)) {
            return new Result(Delivery.NO_VIEWER, "");
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            OutputStream out = Channels.newOutputStream(ch);
            StringBuilder request = new StringBuilder();
            for (String arg : args) {
                request.append(arg.replace('\n', ' ').replace('\r', ' ')).append('\n');
            }
            request.append('\n');
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            String answer = in.readLine();
            if ("OK".equals(answer)) {
                return new Result(Delivery.DELIVERED, "");
            }
            if (answer != null && answer.startsWith("ERR ")) {
                return new Result(Delivery.REFUSED, answer.substring(4));
            }
            return new Result(Delivery.NO_VIEWER, "");
        } catch (IOException e) {
            return new Result(Delivery.NO_VIEWER, "");
        }
    }

    /** Outcome of {@link #deliver}. */
    public record Result(Delivery delivery, String message) {
    }

    private static boolean answers(Path socket) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return ch.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop(Consumer<AppOptions> onLaunch) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                serve(client, onLaunch);
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.log(System.Logger.Level.WARNING, "instance channel: " + e.getMessage());
                }
            }
        }
    }

    private static void serve(SocketChannel client, Consumer<AppOptions> onLaunch) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>();
        int chars = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                break;
            }
            chars += line.length();
            if (chars > MAX_REQUEST_CHARS || args.size() > 16) {
                reply(client, "ERR request too long");
                return;
            }
            args.add(line);
        }
        if (line == null) {
            return; // closed without the final empty line: a liveness probe, or a broken request
        }
        String answer = switch (CommandLine.parse(args.toArray(String[]::new))) {
            case CommandLine.Run run when run.options().gatewayConfig().isPresent() ->
                    "ERR the running viewer cannot switch network configuration; close it first";
            case CommandLine.Run run when run.options().demoEhr() ->
                    "ERR the running viewer cannot start the demo EHR; close it first";
            case CommandLine.Run run -> {
                onLaunch.accept(run.options());
                yield "OK";
            }
            case CommandLine.Invalid invalid -> "ERR " + invalid.message();
            default -> "ERR not a launch request";
        };
        reply(client, answer);
    }

    private static void reply(SocketChannel client, String answer) throws IOException {
        OutputStream out = Channels.newOutputStream(client);
        out.write((answer.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the instance channel: " + e.getMessage());
        }
        acceptor.interrupt();
    }
}
