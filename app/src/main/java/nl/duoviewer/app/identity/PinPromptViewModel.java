package nl.duoviewer.app.identity;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import nl.duoviewer.xca.security.SecretRequest;

/**
 * What the PIN/password dialog shows and what it answers, without JavaFX: the typed question (translated by the view),
 * whether what was typed may be submitted, and the answer handed to the waiting background thread. The characters are
 * handed over once and not kept.
 */
public final class PinPromptViewModel {

    /** A UZI-pas PIN has at least this many digits. */
    static final int MIN_PIN_DIGITS = 4;

    private final SecretRequest request;
    private final CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();

    public PinPromptViewModel(SecretRequest request) {
        this.request = Objects.requireNonNull(request);
    }

    public SecretRequest request() {
        return request;
    }

    /** Bundle key of the dialog title. */
    public String titleKey() {
        return "pin.title." + request.kind().name();
    }

    /** Bundle key of the explanation; {@link #subject()} is its argument. */
    public String messageKey() {
        return "pin.message." + request.kind().name();
    }

    /** What the secret unlocks (a keystore's file name), or empty. */
    public String subject() {
        return request.subject();
    }

    /** Bundle key of the line that says the previous attempt failed, if it did. */
    public Optional<String> errorKey() {
        return Optional.ofNullable(request.previousError()).map(e -> "pin.error." + e.name());
    }

    /** Only digits for a card PIN; anything for a password. */
    public boolean accepts(String typed) {
        return !isPin() || typed.chars().allMatch(Character::isDigit);
    }

    /** Whether the dialog may be confirmed with this many characters typed. */
    public boolean canSubmit(int length) {
        return isPin() ? length >= MIN_PIN_DIGITS : length > 0;
    }

    private boolean isPin() {
        return request.kind() == SecretRequest.Kind.UZI_PAS_PIN;
    }

    /** The user confirmed; the characters are copied and the given array cleared. */
    public void submit(char[] typed) {
        try {
            if (!canSubmit(typed.length) || !accepts(new String(typed))) {
                throw new IllegalArgumentException("not a valid answer to " + request.kind());
            }
            answer.complete(Optional.of(typed.clone()));
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    /** The user closed the dialog without an answer. */
    public void cancel() {
        answer.complete(Optional.empty());
    }

    /** Completes once the user answered or cancelled. */
    public CompletableFuture<Optional<char[]>> answer() {
        return answer;
    }
}
