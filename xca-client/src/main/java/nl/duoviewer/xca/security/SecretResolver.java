package nl.duoviewer.xca.security;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import nl.duoviewer.xca.config.ConfigException;
import nl.duoviewer.xca.config.Secret;

/**
 * Turns a configured {@link Secret} into its characters: from the process environment, from the user (through a
 * {@link SecretPrompt}), or from memory. The characters are the caller's to clear.
 */
public final class SecretResolver {

    private final Function<String, String> environment;
    private final SecretPrompt prompt;

    public SecretResolver(Function<String, String> environment, SecretPrompt prompt) {
        this.environment = Objects.requireNonNull(environment);
        this.prompt = Objects.requireNonNull(prompt);
    }

    /** The process environment and the given prompt. */
    public static SecretResolver system(SecretPrompt prompt) {
        return new SecretResolver(System::getenv, prompt);
    }

    /** The process environment only: a secret that must be asked of the user is reported as unavailable. */
    public static SecretResolver environmentOnly() {
        return system(SecretPrompt.NONE);
    }

    /** True when resolving this secret would ask the user. */
    public static boolean asksUser(Secret secret) {
        return secret instanceof Secret.Prompt;
    }

    /**
     * The secret's characters; empty when the user cancelled.
     *
     * @param key     the configuration key, for messages
     * @param request what to ask when the secret is asked of the user
     * @throws ConfigException when the environment variable is not set
     */
    public Optional<char[]> resolve(Secret secret, String key, SecretRequest request) {
        return switch (secret) {
            case Secret.Held h -> Optional.of(h.value());
            case Secret.FromEnvironment e -> {
                String v = environment.apply(e.variable());
                if (v == null || v.isEmpty()) {
                    throw new ConfigException("key '" + key + "': environment variable " + e.variable()
                            + " is not set");
                }
                yield Optional.of(v.toCharArray());
            }
            case Secret.Prompt p -> prompt.ask(request);
        };
    }

    /** The prompt, for questions that are asked again after a wrong answer. */
    public SecretPrompt prompt() {
        return prompt;
    }
}
