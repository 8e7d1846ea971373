package nl.duoviewer.app.launch;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import nl.duoviewer.core.patient.Bsn;

/**
 * Parses the viewer's command line. Accepted:
 * {@code --bsn <BSN>}, {@code --config <file>}, {@code --demo}, {@code --demo-ehr}, {@code --help},
 * {@code --version}, and one bare {@code duoviewer://} link (which is how the desktop hands over a clicked link, a
 * SMART launch included; either may carry IT's launch token, {@code token=...}). Options also accept the
 * {@code --name=value} form.
 */
public final class CommandLine {

    /** What the command line asks for. */
    public sealed interface Request permits Run, ShowHelp, ShowVersion, Invalid {
    }

    /** Start the viewer. */
    public record Run(AppOptions options) implements Request {
    }

    /** Print usage and exit 0. */
    public record ShowHelp() implements Request {
    }

    /** Print the version and exit 0. */
    public record ShowVersion() implements Request {
    }

    /** The command line is wrong; print the message and exit {@link #EXIT_USAGE}. */
    public record Invalid(String message) implements Request {
    }

    /** Exit code for a command line that cannot be honoured (bad option, invalid BSN, unreadable config). */
    public static final int EXIT_USAGE = 2;

    private CommandLine() {
    }

    public static Request parse(String... args) {
        for (String arg : args) {
            // help and version answer whatever else is on the line, even when it is wrong
            if (arg.equals("--help") || arg.equals("-h")) {
                return new ShowHelp();
            }
            if (arg.equals("--version") || arg.equals("-V")) {
                return new ShowVersion();
            }
        }
        LaunchContext launch = null;
        SmartLaunch smart = null;
        boolean demoEhr = false;
        LaunchToken token = null;
        Path config = null;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--bsn" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return new Invalid("--bsn needs a value, e.g. --bsn 999999011");
                        }
                        value = args[++i];
                    }
                    if (launch != null || smart != null) {
                        return new Invalid("Only one patient can be given");
                    }
                    try {
                        launch = LaunchContext.of(Bsn.parse(value), LaunchSource.COMMAND_LINE);
                    } catch (IllegalArgumentException e) {
                        return new Invalid("Invalid BSN: " + e.getMessage());
                    }
                }
                case "--demo" -> {
                    if (value != null) {
                        return new Invalid("--demo takes no value");
                    }
                    demo = true;
                }
                case "--config" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return new Invalid("--config needs a file, e.g. --config /etc/duoviewer/gateway.properties");
                        }
                        value = args[++i];
                    }
                    try {
                        config = Path.of(value);
                    } catch (InvalidPathException e) {
                        return new Invalid("Not a file name: " + value);
                    }
                    if (!Files.isRegularFile(config) || !Files.isReadable(config)) {
                        return new Invalid("Configuration file not found or not readable: " + config);
                    }
                }
                case "--demo-ehr" -> {
                    if (value != null) {
                        return new Invalid("--demo-ehr takes no value");
                    }
                    demoEhr = true;
                }
                default -> {
                    if (SmartLaunchLink.isSmartLaunch(arg)) {
                        if (launch != null || smart != null) {
                            return new Invalid("Only one patient can be given");
                        }
                        try {
                            SmartLaunchLink.Link link = SmartLaunchLink.parseLink(arg);
                            smart = link.launch();
                            token = link.token().orElse(null);
                        } catch (LaunchException e) {
                            return new Invalid(e.getMessage());
                        }
                    } else if (DuoViewerUri.isLink(arg)) {
                        if (launch != null || smart != null) {
                            return new Invalid("Only one patient can be given");
                        }
                        try {
                            DuoViewerUri.Link link = DuoViewerUri.parseLink(arg);
                            launch = link.context();
                            token = link.token().orElse(null);
                        } catch (LaunchException e) {
                            return new Invalid(e.getMessage());
                        }
                    } else {
                        return new Invalid("Unknown argument: " + arg);
                    }
                }
            }
        }
        if (demo && config != null) {
            return new Invalid("--demo and --config exclude each other");
        }
        return new Run(new AppOptions(Optional.ofNullable(launch), Optional.ofNullable(config),
                Optional.ofNullable(smart), demoEhr, demo, Optional.ofNullable(token)));
    }
}
