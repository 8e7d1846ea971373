package nl.duoviewer.audit.event;

import java.util.Objects;

/**
 * The care institution whose data was asked for or shown.
 *
 * @param name display name
 * @param ura  URA; may be empty when the source did not send one
 */
public record Institution(String name, String ura) {

    public Institution {
        Objects.requireNonNull(name, "name");
        ura = ura == null ? "" : ura;
    }
}
