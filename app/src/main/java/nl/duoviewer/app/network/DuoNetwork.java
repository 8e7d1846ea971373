package nl.duoviewer.app.network;

import java.io.IOException;
import java.util.Optional;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.xca.config.DuoClientConfig;

/**
 * The DUO network the viewer talks to: the embedded demo network started in this process, or a real gateway named
 * by a configuration file.
 */
public sealed interface DuoNetwork extends AutoCloseable permits EmbeddedDemoNetwork, ConfiguredGateway {

    /**
     * Brings the network within reach (starting it, for the embedded one) and returns the client configuration.
     * Blocks; call it off the JavaFX thread.
     *
     * @throws IOException when the network cannot be started or its configuration cannot be used
     */
    DuoClientConfig connect() throws IOException;

    /** The status line text, e.g. "Embedded demo network: 3 communities on this computer (...)". */
    String describe(Texts texts, DuoClientConfig config);

    /** What the status line says while {@link #connect} runs. */
    String connecting(Texts texts);

    /** The patient to open when the viewer is started without one: the demo patient, for the embedded network. */
    Optional<LaunchContext> defaultPatient();

    @Override
    void close();
}
