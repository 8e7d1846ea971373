package nl.duoviewer.xca.config;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password or PIN as the configuration names it. The file may only say where the secret comes from (an environment
 * variable, or the user at the keyboard); a value written in the file is refused, so a copied configuration never
 * carries a key's password with it.
 */
public sealed interface Secret permits Secret.FromEnvironment, Secret.Prompt, Secret.Held {

    /** Prefix of an environment reference in the file: {@code env:NAME}. */
    String ENV_PREFIX = "env:";
    /** The file's word for "ask the user each session". */
    String PROMPT = "prompt";

    /** Read from the process environment when the key is opened. */
    record FromEnvironment(String variable) implements Secret {
        public FromEnvironment {
            Objects.requireNonNull(variable, "variable");
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'" + variable + "' is not an environment variable name");
            }
        }
    }

    /** Asked of the user in the viewer each session (a dialog), never stored. */
    record Prompt() implements Secret {
    }

    /**
     * Held in memory only, by code that generated the key itself (the embedded demo network). It has no file form:
     * {@link #configValue()} refuses it.
     */
    final class Held implements Secret {
        private final char[] value;

        public Held(char[] value) {
            this.value = value.clone();
        }

        public char[] value() {
            return value.clone();
        }

        @Override
        public String toString() {
            return "Held[****]";
        }
    }

    /**
     * Parses the file's value: {@code env:NAME} or {@code prompt}.
     *
     * @throws IllegalArgumentException for anything else, which would be a password in plain text
     */
    static Secret parse(String value) {
        String v = value.strip();
        if (v.equals(PROMPT)) {
            return new Prompt();
        }
        if (v.startsWith(ENV_PREFIX)) {
            return new FromEnvironment(v.substring(ENV_PREFIX.length()));
        }
        throw new IllegalArgumentException("a password may not be written in the configuration; use env:VARIABLE "
                + "(read from the environment) or prompt (asked each session)");
    }

    /** The file form of this secret. */
    default String configValue() {
        return switch (this) {
            case FromEnvironment e -> ENV_PREFIX + e.variable();
            case Prompt p -> PROMPT;
            case Held h -> throw new IllegalStateException("a secret held in memory has no configuration form");
        };
    }

    /** True when the two name the same source (for held secrets: the same characters). */
    static boolean same(Secret a, Secret b) {
        if (a instanceof Held ha && b instanceof Held hb) {
            char[] x = ha.value();
            char[] y = hb.value();
            try {
                return Arrays.equals(x, y);
            } finally {
                Arrays.fill(x, '\0');
                Arrays.fill(y, '\0');
            }
        }
        return Objects.equals(a, b);
    }
}
