package nl.duoviewer.xca.security;

import java.util.Optional;

/**
 * Asks the user for a PIN or password (the viewer shows a dialog). Called from a background thread; blocks until the
 * user answers. The caller clears the returned characters after use; nothing is stored.
 */
@FunctionalInterface
public interface SecretPrompt {

    /** No one to ask (a headless run): every question is cancelled. */
    SecretPrompt NONE = request -> Optional.empty();

    /** The user's answer, or empty when they cancelled. */
    Optional<char[]> ask(SecretRequest request);
}
