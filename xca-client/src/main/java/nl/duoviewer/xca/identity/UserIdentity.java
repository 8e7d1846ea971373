package nl.duoviewer.xca.identity;

import java.util.Objects;

/**
 * The person at the keyboard, on whose behalf every request is sent: their UZI number and role (RoleCodeNL), and how
 * the viewer learned them. Never read from the configuration file.
 *
 * @param uziNumber   UZI number of the person
 * @param roleCode    UZI role code (RoleCodeNL), e.g. {@code 01.039} radioloog
 * @param displayName name to show (certificate subject, EHR user name, or the demo label)
 * @param source      how the identity was established; decides the assertion's AuthnContext
 */
public record UserIdentity(String uziNumber, String roleCode, String displayName, IdentitySource source) {

    /** The demo user's UZI number (a test number, registered nowhere). */
    public static final String DEMO_UZI = "900012345";

    public UserIdentity {
        Objects.requireNonNull(uziNumber, "uziNumber");
        if (!uziNumber.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("a UZI number is digits, got '" + uziNumber + "'");
        }
        Objects.requireNonNull(roleCode, "roleCode");
        if (!roleCode.matches("[0-9]{2}\\.[0-9]{3}")) {
            throw new IllegalArgumentException("a UZI role code looks like 01.039, got '" + roleCode + "'");
        }
        displayName = displayName == null ? "" : displayName;
        Objects.requireNonNull(source, "source");
    }

    /** The embedded demo network's user, labelled as such wherever it is shown. */
    public static UserIdentity demo() {
        return new UserIdentity(DEMO_UZI, "01.039", "DEMO", IdentitySource.DEMO);
    }

    /**
     * The user an EHR launch context names (SMART {@code fhirUser}, an IID parameter): the entry point for launches
     * that carry who is logged in. The viewer uses it only where the deployment trusts the EHR.
     */
    public static UserIdentity fromEhrLaunch(String uziNumber, String roleCode, String displayName) {
        return new UserIdentity(uziNumber, roleCode, displayName, IdentitySource.EHR_LAUNCH);
    }
}
