package nl.duoviewer.app.viewer;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.core.dicom.TransferSyntax;

/** Puts a {@link LoadFailure} into the user's language: the one place where a load's reason becomes a sentence. */
public final class LoadFailureText {

    private LoadFailureText() {
    }

    public static String of(Texts texts, LoadFailure reason) {
        return switch (reason) {
            case LoadFailure.ConsentRefused c -> texts.get("load.consentRefused");
            case LoadFailure.NetworkUnavailable n -> texts.get("load.networkUnavailable");
            case LoadFailure.SourceUnreachable u -> texts.get("load.unreachable", u.source());
            case LoadFailure.TimedOut t -> texts.get("load.timedOut", t.source());
            case LoadFailure.ManifestUnusable m -> texts.get("load.manifestUnusable", m.source());
            case LoadFailure.WrongPatient w -> texts.get("load.rejected.patient", w.source());
            case LoadFailure.WrongStudy w -> texts.get("load.rejected.study", w.source(),
                    w.studyInstanceUid().isEmpty() ? "-" : w.studyInstanceUid());
            case LoadFailure.Incomplete i -> texts.get("load.missing", i.missing(), i.total(), i.source());
            case LoadFailure.DecodeFailed d -> texts.get("load.undecodable", d.images(),
                    d.transferSyntaxUid() == null ? texts.get("load.undecodable.notDicom")
                            : syntaxName(d.transferSyntaxUid()));
            case LoadFailure.RetrievalFailed f -> texts.get("load.failed", f.source());
        };
    }

    /** The standard name of a transfer syntax (a DICOM term, the same in every language), else its UID. */
    private static String syntaxName(String uid) {
        return TransferSyntax.isKnown(uid) ? TransferSyntax.of(uid).name() : uid;
    }
}
