package nl.duoviewer.app;

import java.io.PrintStream;
import java.util.List;

import javafx.application.Application;

import nl.duoviewer.app.audit.AuditWiring;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.CommandLine;
import nl.duoviewer.app.launch.ConfigLocations;
import nl.duoviewer.app.launch.ConsoleLogging;
import nl.duoviewer.app.launch.InstanceChannel;
import nl.duoviewer.app.launch.NetworkSelection;
import nl.duoviewer.app.launch.NativeLogLevel;
import nl.duoviewer.app.launch.SmartSettingsFile;
import nl.duoviewer.app.network.ConfiguredGateway;
import nl.duoviewer.audit.log.AuditVerifyCommand;
import nl.duoviewer.xca.audit.AuditSink;
import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.local.LocalPacsClient;

/**
 * Entry point. Deliberately not an {@link Application}: the command line is checked before JavaFX starts, so a
 * wrong BSN ends with a message and exit code 2 without ever opening a window.
 */
public final class Main {

    /** The command that checks a local audit log: {@code duoviewer audit-verify FILE [--anchors RECEIVED]}. */
    static final String AUDIT_VERIFY = "audit-verify";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line: prints help or version, rejects invalid input, or starts the application and returns when
     * its window is closed.
     *
     * @return the process exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals(AUDIT_VERIFY)) {
            // a command of its own, for IT and auditors: no window, no network
            return AuditVerifyCommand.run(List.of(args).subList(1, args.length), out, err);
        }
        Texts texts = Texts.forDefaultLocale();
        return switch (CommandLine.parse(args)) {
            case CommandLine.ShowHelp h -> {
                out.print(texts.get("cli.usage", AppInfo.NAME, AppInfo.version()));
                yield 0;
            }
            case CommandLine.ShowVersion v -> {
                out.println(AppInfo.NAME + " " + AppInfo.version());
                yield 0;
            }
            case CommandLine.Invalid invalid -> {
                err.println("duoviewer: " + invalid.message());
                err.println(texts.get("cli.tryHelp"));
                yield CommandLine.EXIT_USAGE;
            }
            case CommandLine.Run r -> {
                if (r.options().gatewayConfig().isPresent()) {
                    // a configuration that cannot be used ends here, with the file and key named, not in a window
                    if (!usable(r.options().gatewayConfig().get(), err)) {
                        yield CommandLine.EXIT_USAGE;
                    }
                } else {
                    // a viewer is already open (e.g. the desktop handing over a clicked link): let it switch patient
                    InstanceChannel.Result handed = InstanceChannel.deliver(InstanceChannel.defaultSocket(),
                            List.of(args));
                    if (handed.delivery() == InstanceChannel.Delivery.DELIVERED) {
                        yield 0;
                    }
                    if (handed.delivery() == InstanceChannel.Delivery.REFUSED) {
                        err.println("duoviewer: " + handed.message());
                        yield CommandLine.EXIT_USAGE;
                    }
                    // the user's or the system's configuration, when there is one, must be usable too
                    if (NetworkSelection.of(r.options(), ConfigLocations.fromSystem())
                            instanceof NetworkSelection.Configured c && !usable(c.file(), err)) {
                        yield CommandLine.EXIT_USAGE;
                    }
                }
                NativeLogLevel.silenceOpenCv(); // before anything loads OpenCV
                ConsoleLogging.configure();
                Application.launch(DuoViewerApp.class, args);
                yield 0;
            }
        };
    }

    /**
     * Checks a configuration file (the network, launch, SMART and audit keys); says what is wrong (file and key) when it
     * cannot be used.
     */
    private static boolean usable(java.nio.file.Path file, PrintStream err) {
        try {
            ConfiguredGateway.validate(file);
            SmartSettingsFile.load(file);
            AuditWiring.validate(file); // the duo.audit block, too
            try {
                // and the hospital's PACS, with its TLS stores
                DuoConfigFile.loadLocal(file).ifPresent(local -> LocalPacsClient.open(local, AuditSink.NONE,
                        java.time.Clock.systemUTC()).close());
            } catch (ConfigException e) {
                throw e.getMessage().startsWith(file.toString()) ? e
                        : new ConfigException(file + ": " + e.getMessage(), e);
            }
            return true;
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("duoviewer: " + e.getMessage());
            return false;
        }
    }
}
