package nl.duoviewer.app.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.core.timeline.SourceStatus;

/**
 * Records a source sent for another patient are withheld one by one, and the strip says so on that source's line, in
 * the user's language; a source without such records shows nothing of the kind.
 */
@ExtendWith(ApplicationExtension.class)
class SourceStatusStripTest {

    private final ObservableList<SourceStatus> statuses = FXCollections.observableArrayList();
    private SourceStatusStrip english;
    private SourceStatusStrip dutch;

    @Start
    void start(Stage stage) {
        english = new SourceStatusStrip(statuses, new SimpleIntegerProperty(0), id -> 3,
                Texts.forLocale(Locale.ENGLISH), id -> { });
        dutch = new SourceStatusStrip(statuses, new SimpleIntegerProperty(0), id -> 3,
                Texts.forLocale(Locale.of("nl", "NL")), id -> { });
        stage.setScene(new Scene(new javafx.scene.layout.VBox(english, dutch), 900, 300));
        stage.show();
    }

    private static List<String> dropped(Node strip, String sourceId) {
        return Fx.call(() -> strip.lookupAll(".source-row").stream().filter(r -> sourceId.equals(r.getUserData()))
                .flatMap(r -> r.lookupAll(".source-dropped").stream()).map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void aSourceThatSentRecordsOfAnotherPatientShowsTheirCount() {
        Fx.run(() -> statuses.setAll(
                new SourceStatus("urn:oid:1.2.1", "Enovation", SourceStatus.State.PARTIAL, "", 2),
                new SourceStatus("urn:oid:1.2.2", "Founda Health", SourceStatus.State.COMPLETE, "")));
        assertEquals(List.of("2 records of another patient not shown"), dropped(english, "urn:oid:1.2.1"));
        assertEquals(List.of("2 gegevens van een andere patiënt niet getoond"), dropped(dutch, "urn:oid:1.2.1"));
        assertEquals(List.of(), dropped(english, "urn:oid:1.2.2"), "nothing withheld, nothing said");

        Fx.run(() -> statuses.setAll(new SourceStatus("urn:oid:1.2.1", "Enovation", SourceStatus.State.PARTIAL, "",
                1)));
        assertEquals(List.of("1 record of another patient not shown"), dropped(english, "urn:oid:1.2.1"));
        assertTrue(Fx.call(() -> english.lookup(".source-dropped").isVisible()));
    }
}
