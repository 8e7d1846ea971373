package nl.duoviewer.xca.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import nl.duoviewer.xca.identity.IdentitySource;

/**
 * Where the identity of the person at the keyboard may come from, in order of preference. The file never holds the
 * person: it says how to learn who they are.
 *
 * @param sources         allowed sources; {@link IdentitySource#EHR_LAUNCH} only where the deployment trusts the EHR
 * @param uziPas          the card reader's PKCS#11 module and slot; null unless {@link IdentitySource#UZI_PAS} is
 *                        allowed
 * @param uziPasTrustStore the UZI-register CA certificates a card's authentication certificate must chain to
 */
public record IdentitySettings(List<IdentitySource> sources, Pkcs11Settings uziPas, Path uziPasTrustStore) {

    public IdentitySettings {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one identity source is needed");
        }
        if (sources.contains(IdentitySource.UZI_PAS) && (uziPas == null || uziPasTrustStore == null)) {
            throw new IllegalArgumentException("the UZI-pas needs its PKCS#11 module and the UZI-register CA");
        }
        Objects.requireNonNull(sources);
    }

    /** Only the clearly labelled demo user: for a network on this computer. */
    public static IdentitySettings demo() {
        return new IdentitySettings(List.of(IdentitySource.DEMO), null, null);
    }

    /**
     * The embedded demo network's: the user its demo EHR launches with ({@code --demo-ehr}, where the demo trusts its
     * own EHR), else the clearly labelled demo user. For a network on this computer.
     */
    public static IdentitySettings demoWithEhr() {
        return new IdentitySettings(List.of(IdentitySource.EHR_LAUNCH, IdentitySource.DEMO), null, null);
    }

    public boolean allows(IdentitySource source) {
        return sources.contains(source);
    }
}
