package nl.duoviewer.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * All user-facing text, from the {@code messages} bundle (English base, Dutch translation).
 *
 * <p>Lookups never fall back to the machine's default locale: a test asking for English gets English even on a
 * Dutch desktop, and a missing key shows as {@code !key!} instead of failing the screen.
 */
public final class Texts {

    private static final String BUNDLE = "nl.duoviewer.app.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Texts for the given locale; Dutch ({@code nl}) and English are available, anything else gets English. */
    public static Texts forLocale(Locale locale) {
        return new Texts(locale);
    }

    /** Texts for the user's display locale. */
    public static Texts forDefaultLocale() {
        return new Texts(Locale.getDefault(Locale.Category.DISPLAY));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key, with {@link MessageFormat} arguments filled in when given. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
