package nl.duoviewer.audit.archfixture;

import nl.duoviewer.xca.audit.AuditEvent;

/**
 * Deliberately breaks the audit module's rule (an audit class using the DUO client's types), so that the
 * architecture test can show the rule fails. Test source only; never part of the production classes.
 */
public final class AuditClassThatReachesIntoTheClient {

    private AuditClassThatReachesIntoTheClient() {
    }

    public static String transactionOf(AuditEvent e) {
        return e.transaction().label();
    }
}
