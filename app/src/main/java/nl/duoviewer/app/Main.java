package nl.duoviewer.app;

import java.io.PrintStream;
import java.util.List;

import javafx.application.Application;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.CommandLine;
import nl.duoviewer.app.launch.ConsoleLogging;
import nl.duoviewer.app.launch.InstanceChannel;
import nl.duoviewer.app.launch.NativeLogLevel;
import nl.duoviewer.app.network.ConfiguredGateway;
import nl.duoviewer.app.network.UnusableConfigurationException;

/**
 * Entry point. Deliberately not an {@link Application}: the command line is checked before JavaFX starts, so a
 * wrong BSN ends with a message and exit code 2 without ever opening a window.
 */
public final class Main {

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
                    try {
                        ConfiguredGateway.check(r.options().gatewayConfig().get());
                    } catch (UnusableConfigurationException e) {
                        err.println("duoviewer: " + e.getMessage());
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
                }
                NativeLogLevel.silenceOpenCv(); // before anything loads OpenCV
                ConsoleLogging.configure();
                Application.launch(DuoViewerApp.class, args);
                yield 0;
            }
        };
    }
}
