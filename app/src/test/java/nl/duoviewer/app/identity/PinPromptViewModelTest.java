package nl.duoviewer.app.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.xca.security.SecretRequest;

/** The PIN dialog's view model, without JavaFX: what is asked, what may be submitted, what the caller receives. */
class PinPromptViewModelTest {

    private static PinPromptViewModel pin() {
        return new PinPromptViewModel(new SecretRequest(SecretRequest.Kind.UZI_PAS_PIN, "", null));
    }

    @Test
    void aCardPinIsDigitsAndAtLeastFourOfThem() {
        PinPromptViewModel m = pin();
        assertTrue(m.accepts("0123"));
        assertFalse(m.accepts("12a4"));
        assertFalse(m.canSubmit(3));
        assertTrue(m.canSubmit(4));
        PinPromptViewModel password = new PinPromptViewModel(new SecretRequest(SecretRequest.Kind.KEYSTORE_PASSWORD,
                "org.p12", null));
        assertTrue(password.accepts("p@ss word"));
        assertTrue(password.canSubmit(1));
        assertFalse(password.canSubmit(0));
    }

    @Test
    void theAnswerReachesTheCallerOnceAndTheTypedCharactersAreCleared() throws Exception {
        PinPromptViewModel m = pin();
        char[] typed = "24681357".toCharArray();
        m.submit(typed);
        assertArrayEquals(new char[8], typed, "the field's copy is wiped");
        Optional<char[]> answer = m.answer().get();
        assertArrayEquals("24681357".toCharArray(), answer.orElseThrow());
        m.cancel(); // a late close of the dialog changes nothing
        assertTrue(m.answer().get().isPresent());
    }

    @Test
    void cancellingAnswersNothingAndNonsenseIsNotSubmitted() throws Exception {
        PinPromptViewModel m = pin();
        assertThrows(IllegalArgumentException.class, () -> m.submit("12".toCharArray()));
        assertFalse(m.answer().isDone());
        m.cancel();
        assertEquals(Optional.empty(), m.answer().get());
    }

    @Test
    void aRepeatedQuestionSaysTheLastAnswerWasWrong() {
        PinPromptViewModel first = pin();
        assertEquals(Optional.empty(), first.errorKey());
        PinPromptViewModel again = new PinPromptViewModel(first.request().retry());
        assertEquals(Optional.of("pin.error.WRONG"), again.errorKey());
    }

    @Test
    void everyQuestionIsWordedInDutchAndEnglish() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("nl")}) {
            Texts texts = Texts.forLocale(locale);
            for (SecretRequest.Kind kind : SecretRequest.Kind.values()) {
                PinPromptViewModel m = new PinPromptViewModel(new SecretRequest(kind, "x.p12", SecretRequest
                        .PreviousError.WRONG));
                for (String key : new String[] {m.titleKey(), m.messageKey(), m.errorKey().orElseThrow(),
                        "pin.field", "pin.ok", "pin.cancel"}) {
                    assertFalse(texts.get(key, "x.p12").startsWith("!"), locale + ": " + key);
                }
            }
        }
        assertEquals("Voer de pincode van uw UZI-pas in. Elk verzoek om beelden wordt op uw naam verstuurd.",
                Texts.forLocale(Locale.forLanguageTag("nl")).get(pin().messageKey()));
    }
}
