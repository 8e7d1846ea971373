package nl.duoviewer.xca.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotListType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ValueListType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;

import nl.duoviewer.core.timeline.ConsentBasis;

/**
 * How a community under the TLB pilot reports the temporary consent its answer was given on (decision record 13, an
 * assumption: the pilot's protocol is not public). The ITI-38 answer carries one response slot (ebRS 3.0
 * {@code rs:ResponseSlotList}, the response's own extension point) named {@link #NAME} with one value, the moment
 * the consent ends as an XDS timestamp in UTC ({@code YYYYMMDDhhmmss}). The national milestone plan names 28 days;
 * an end further away than that (plus clock skew) is not believed.
 */
public final class TemporaryConsentSlot {

    /** Slot name (assumed). */
    public static final String NAME = "urn:duo:tlb:temporaryConsentExpiry";
    /** Length of the pilot's temporary consent. */
    public static final Duration PILOT_CONSENT = Duration.ofDays(28);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private TemporaryConsentSlot() {
    }

    /**
     * The basis one answer reported: a temporary consent with its end, or {@link ConsentBasis.Missing} when the
     * slot is absent, repeated, malformed or claims more than the pilot allows. An expired consent is returned as
     * such (the gate refuses it; the user sees when it ended).
     */
    public static ConsentBasis read(RegistryResponseType response, Instant now) {
        SlotListType slots = response == null ? null : response.getResponseSlotList();
        if (slots == null) {
            return new ConsentBasis.Missing();
        }
        List<SlotType1> ours = slots.getSlot().stream().filter(s -> NAME.equals(s.getName())).toList();
        if (ours.size() != 1 || ours.getFirst().getValueList() == null
                || ours.getFirst().getValueList().getValue().size() != 1) {
            return new ConsentBasis.Missing();
        }
        String value = ours.getFirst().getValueList().getValue().getFirst();
        Instant expires;
        try {
            expires = LocalDateTime.parse(value == null ? "" : value.strip(), DTM).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new ConsentBasis.Missing();
        }
        if (expires.isAfter(now.plus(PILOT_CONSENT).plus(SKEW))) {
            return new ConsentBasis.Missing();
        }
        return new ConsentBasis.TemporaryConsent(expires);
    }

    /** The slot a TLB gateway adds to its answer (the embedded network's Alphatron TLB community). */
    public static SlotType1 slot(Instant expires) {
        SlotType1 slot = new SlotType1();
        slot.setName(NAME);
        ValueListType values = new ValueListType();
        values.getValue().add(DTM.format(expires.atOffset(ZoneOffset.UTC)));
        slot.setValueList(values);
        return slot;
    }
}
