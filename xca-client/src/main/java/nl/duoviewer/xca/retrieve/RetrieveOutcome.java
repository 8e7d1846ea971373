package nl.duoviewer.xca.retrieve;

import java.util.List;

import nl.duoviewer.xca.query.RegistryError;

/**
 * How a retrieve ended. On {@link Status#PARTIAL} the received objects are valid and {@link #missing()} names the
 * ones to offer a retry for.
 *
 * @param status   overall result
 * @param received document ids handed to the consumer, in arrival order
 * @param missing  requested ids that did not come
 * @param errors   the RegistryErrorList as sent
 * @param message  user-facing summary, empty on success
 */
public record RetrieveOutcome(Status status, List<String> received, List<String> missing, List<RegistryError> errors,
                              String message) {

    /** Overall result of a retrieve. */
    public enum Status { COMPLETE, PARTIAL, FAILED }

    public RetrieveOutcome {
        received = List.copyOf(received);
        missing = List.copyOf(missing);
        errors = List.copyOf(errors);
        message = message == null ? "" : message;
    }
}
