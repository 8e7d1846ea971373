package nl.duoviewer.app.launch;

import java.util.Objects;

import nl.duoviewer.xca.config.LaunchSettings;

/**
 * The token an EHR put into a {@code duoviewer://} link ({@code token=...}) to show that IT configured it to switch
 * the open patient without asking (decision record 14). It is a secret: it never appears in a string, a log line or
 * an exception, and it is only ever compared, in constant time, by {@link LaunchSettings#accepts}.
 */
public final class LaunchToken {

    private final String value;

    LaunchToken(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** True when the deployment configured this token. */
    public boolean acceptedBy(LaunchSettings settings) {
        return settings.accepts(value);
    }

    @Override
    public String toString() {
        return "LaunchToken[hidden]";
    }
}
