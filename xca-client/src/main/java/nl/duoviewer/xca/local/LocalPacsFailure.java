package nl.duoviewer.xca.local;

import java.io.IOException;

/** A QIDO-RS exchange with the hospital's PACS that gave no usable answer, with its typed reason. */
final class LocalPacsFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final LocalQueryResult.Reason reason;
    private final String detail;

    LocalPacsFailure(LocalQueryResult.Reason reason, String detail) {
        super(reason + (detail.isEmpty() ? "" : " (" + detail + ")"), null);
        this.reason = reason;
        this.detail = detail;
    }

    LocalQueryResult.Reason reason() {
        return reason;
    }

    String detail() {
        return detail;
    }
}
