package nl.duoviewer.xca.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PKCS#11 token reached through the JDK's SunPKCS11 provider: the vendor's module (for the UZI-pas the card
 * middleware's library, for an HSM the HSM's) and which slot holds the token.
 *
 * @param library       path of the PKCS#11 module ({@code .so}, {@code .dylib}, {@code .dll})
 * @param slot          slot ID, or null to pick by position
 * @param slotListIndex position in the module's slot list (used when {@code slot} is null)
 */
public record Pkcs11Settings(Path library, Long slot, int slotListIndex) {

    public Pkcs11Settings {
        Objects.requireNonNull(library, "library");
        if (slotListIndex < 0) {
            throw new IllegalArgumentException("slotListIndex must not be negative");
        }
    }

    /** The token in the first slot that has one. */
    public static Pkcs11Settings firstSlot(Path library) {
        return new Pkcs11Settings(library, null, 0);
    }

    /** The SunPKCS11 configuration text for this token ({@code name} must be unique per provider instance). */
    public String sunPkcs11Config(String name) {
        StringBuilder b = new StringBuilder("--name=").append(name).append('\n')
                .append("library=").append(library.toAbsolutePath()).append('\n');
        if (slot != null) {
            b.append("slot=").append(slot).append('\n');
        } else {
            b.append("slotListIndex=").append(slotListIndex).append('\n');
        }
        return b.toString();
    }
}
