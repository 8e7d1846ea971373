package nl.duoviewer.xca.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The hospital's own PACS as a timeline source (the {@code duo.local.*} block of the configuration file, decision
 * records 29 and 30): where its DICOMweb services are, under which Patient ID it files the patient's studies, and the
 * TLS identity towards it. Its studies are the institution's own: they are never asked of Mitz.
 *
 * @param name               the source as the users know it, e.g. "Radiologie (PACS)"
 * @param ura                URA of the own organisation, for the timeline and the audit trail; may be empty
 * @param qidoBase           QIDO-RS base URL (the {@code .../dicom-web} root; {@code /studies} is appended)
 * @param wadoBase           WADO-RS base URL; the QIDO-RS base when the PACS serves both under one root
 * @param patientIdMode      whether the PACS files studies under the BSN or under the hospital's own patient number
 * @param issuer             Issuer of Patient ID (0010,0021) of that number; empty when the PACS stores none (BSN only)
 * @param timeout            per-request timeout, and the idle limit of a transfer
 * @param trustStore         PKCS#12 with the CA certificate(s) of the PACS; null for the JDK's default trust
 * @param trustStorePassword its password, from the environment; null when it has none
 * @param keyStore           PKCS#12 with the workstation's TLS client key (mTLS); null when the PACS asks for none
 * @param keyStorePassword   its password, from the environment
 */
public record LocalPacsSettings(String name, String ura, URI qidoBase, URI wadoBase, PatientIdMode patientIdMode,
                                String issuer, Duration timeout, Path trustStore, char[] trustStorePassword,
                                Path keyStore, char[] keyStorePassword) {

    /** Under which identifier the PACS files a patient's studies. */
    public enum PatientIdMode {
        /** Patient ID (0010,0020) is the BSN. */
        BSN,
        /**
         * Patient ID is the hospital's own patient number under {@link #issuer}; the PACS keeps the BSN in Other
         * Patient IDs (0010,1000), through which the number is found.
         */
        LOCAL
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public LocalPacsSettings {
        Objects.requireNonNull(name, "name");
        ura = ura == null ? "" : ura;
        Objects.requireNonNull(qidoBase, "qidoBase");
        wadoBase = wadoBase == null ? qidoBase : wadoBase;
        Objects.requireNonNull(patientIdMode, "patientIdMode");
        issuer = issuer == null ? "" : issuer;
        if (patientIdMode == PatientIdMode.LOCAL && issuer.isEmpty()) {
            throw new IllegalArgumentException("a local patient number needs its issuer");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Never the passwords. */
    @Override
    public String toString() {
        return "LocalPacsSettings[" + name + " " + qidoBase + " " + patientIdMode
                + (issuer.isEmpty() ? "" : " issuer " + issuer) + "]";
    }
}
