package nl.duoviewer.app.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.xca.config.CommunityEndpoint;
import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.DuoClientConfig;
import nl.duoviewer.xca.config.DuoConfigFile;
import nl.duoviewer.xca.security.ClientSecurity;

/** A real DUO gateway (or any network) described by the deployment's configuration file ({@code --config}). */
public final class ConfiguredGateway implements DuoNetwork {

    private final Path file;

    public ConfiguredGateway(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    /**
     * Reads and checks the configuration: every key (https only, no password in the file, no user in the file), the
     * trust store, CRLs and Mitz's certificate, the password variable, and that the organisation key opens unless its
     * password is to be asked in the viewer. What {@code --config} must pass before a window opens.
     *
     * @throws ConfigException naming the file and the key or keystore at fault
     */
    public static DuoClientConfig validate(Path file) {
        DuoClientConfig config = DuoConfigFile.load(file);
        try {
            ClientSecurity.check(config);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        return config;
    }

    /** The configuration file. */
    public Path file() {
        return file;
    }

    @Override
    public DuoClientConfig connect() throws IOException {
        try {
            return validate(file);
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String describe(Texts texts, DuoClientConfig config) {
        return texts.get("network.gateway", file.getFileName(), config.communities().size(),
                config.communities().stream().map(CommunityEndpoint::displayName).collect(Collectors.joining(", ")));
    }

    @Override
    public String connecting(Texts texts) {
        return texts.get("network.connecting", file.getFileName());
    }

    @Override
    public Optional<LaunchContext> defaultPatient() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // nothing runs here: the gateway is someone else's
    }
}
