package nl.duoviewer.app.sources;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.core.timeline.ConsentBasis;

/**
 * The words for a source's consent basis, as its row shows them: a Mitz consent, or the TLB pilot's temporary
 * consent with the moment it ends (or ended, after which nothing is retrieved). No JavaFX, so it is tested plainly.
 */
public final class ConsentBasisText {

    private final Texts texts;
    private final Clock clock;
    private final DateTimeFormatter when;

    public ConsentBasisText(Texts texts, Clock clock) {
        this.texts = Objects.requireNonNull(texts);
        this.clock = Objects.requireNonNull(clock);
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(texts.locale()).withZone(clock.getZone());
    }

    /** The text for the basis; empty when there is nothing to say (not known yet, or not a community). */
    public String describe(ConsentBasis basis) {
        return switch (basis) {
            case ConsentBasis.Unknown u -> "";
            case ConsentBasis.Mitz m -> texts.get(m.closedQuestion() ? "sources.basis.mitzPermit"
                    : "sources.basis.mitzLocalisation");
            case ConsentBasis.TemporaryConsent t -> t.expiredAt(clock.instant())
                    ? texts.get("sources.basis.temporaryEnded", when.format(t.expiresAt()))
                    : texts.get("sources.basis.temporaryUntil", when.format(t.expiresAt()));
            case ConsentBasis.Missing x -> texts.get("sources.basis.temporaryMissing");
            case ConsentBasis.OwnInstitution o -> texts.get("sources.basis.ownInstitution");
        };
    }

    /** True when the basis allows no retrieval (an ended or missing temporary consent): the row is marked. */
    public boolean blocksRetrieval(ConsentBasis basis) {
        return basis instanceof ConsentBasis.Missing
                || basis instanceof ConsentBasis.TemporaryConsent t && t.expiredAt(clock.instant());
    }
}
