package nl.duoviewer.xca.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotListType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ValueListType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;

import nl.duoviewer.core.timeline.ConsentBasis;

/** The assumed report of the TLB pilot's temporary consent (decision record 13), read strictly. */
class TemporaryConsentSlotTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static RegistryResponseType answer(SlotType1... slots) {
        RegistryResponseType r = new RegistryResponseType();
        SlotListType list = new SlotListType();
        for (SlotType1 s : slots) {
            list.getSlot().add(s);
        }
        r.setResponseSlotList(list);
        return r;
    }

    private static SlotType1 slot(String name, String... values) {
        SlotType1 s = new SlotType1();
        s.setName(name);
        s.setValueList(new ValueListType());
        s.getValueList().getValue().addAll(java.util.List.of(values));
        return s;
    }

    @Test
    void aConsentRunningForTwentyEightDaysAtMostIsRead() {
        Instant end = NOW.plus(TemporaryConsentSlot.PILOT_CONSENT);
        assertEquals(new ConsentBasis.TemporaryConsent(end),
                TemporaryConsentSlot.read(answer(TemporaryConsentSlot.slot(end)), NOW));
        assertEquals("20261229090000", TemporaryConsentSlot.slot(end).getValueList().getValue().getFirst());
        Instant ended = NOW.minusSeconds(60);
        assertEquals(new ConsentBasis.TemporaryConsent(ended),
                TemporaryConsentSlot.read(answer(TemporaryConsentSlot.slot(ended)), NOW), "an ended one is shown");
    }

    @Test
    void anythingElseIsNoConsent() {
        ConsentBasis missing = new ConsentBasis.Missing();
        String name = TemporaryConsentSlot.NAME;
        assertEquals(missing, TemporaryConsentSlot.read(new RegistryResponseType(), NOW));
        assertEquals(missing, TemporaryConsentSlot.read(null, NOW));
        assertEquals(missing, TemporaryConsentSlot.read(answer(slot(name, "2026-12-20")), NOW));
        assertEquals(missing, TemporaryConsentSlot.read(answer(slot(name, "20261220090000", "20261221090000")), NOW));
        assertEquals(missing, TemporaryConsentSlot.read(answer(slot(name, "20261220090000"),
                slot(name, "20261220090000")), NOW), "twice is once too often");
        assertEquals(missing, TemporaryConsentSlot.read(answer(slot(name, "20270115090000")), NOW),
                "longer than the pilot's 28 days");
        assertEquals(missing, TemporaryConsentSlot.read(answer(slot("urn:other", "20261220090000")), NOW));
    }
}
