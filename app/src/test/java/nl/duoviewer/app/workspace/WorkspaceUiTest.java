package nl.duoviewer.app.workspace;

import static nl.duoviewer.app.testing.Records.ERASMUS;
import static nl.duoviewer.app.testing.Records.ISALA;
import static nl.duoviewer.app.testing.Records.PATIENT_A;
import static nl.duoviewer.app.testing.Records.PATIENT_B;
import static nl.duoviewer.app.testing.Records.RIJNSTATE;
import static nl.duoviewer.app.testing.Records.report;
import static nl.duoviewer.app.testing.Records.status;
import static nl.duoviewer.app.testing.Records.study;
import static nl.duoviewer.app.workspace.WorkspaceFixture.labelTexts;
import static nl.duoviewer.app.workspace.WorkspaceFixture.litPixels;
import static nl.duoviewer.app.workspace.WorkspaceFixture.sourceRow;
import static nl.duoviewer.app.workspace.WorkspaceFixture.studyRow;
import static nl.duoviewer.app.workspace.WorkspaceFixture.studyRowsOnScreen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.launch.PatientDemographics;
import nl.duoviewer.app.testing.Fx;
import nl.duoviewer.app.viewer.ImageViewport;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.ViewportViewModel;
import nl.duoviewer.app.viewer.WindowLevelPreset;
import nl.duoviewer.core.pixel.WindowLevel;
import nl.duoviewer.core.timeline.SourceStatus.State;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.xca.identity.UserIdentity;

/** The main window on a scripted imaging service: what the radiologist sees, asserted on screen. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceUiTest {

    private WorkspaceFixture fx;

    @Start
    void start(Stage stage) {
        fx = new WorkspaceFixture(stage);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Timeline open(LaunchContext context) throws InterruptedException {
        Fx.run(() -> fx.workspace.open(context));
        return fx.service.awaitTimeline(context.patient());
    }

    private Timeline openA() throws InterruptedException {
        return open(LaunchContext.of(PATIENT_A, LaunchSource.COMMAND_LINE));
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryLabeled().getText());
    }

    @Test
    void bannerShowsTheFormattedBsnNameAndContextAboveEverythingThatScrolls(FxRobot robot) throws Exception {
        open(new LaunchContext(PATIENT_A, new PatientDemographics("J. de Vries", LocalDate.of(1961, 3, 14)),
                LaunchSource.URL_SCHEME, null));

        assertEquals("BSN 9999.99.011", text(robot, "#banner-bsn"));
        assertEquals("J. de Vries", text(robot, "#banner-name"));
        assertEquals("Patient context: duoviewer link", text(robot, "#banner-context"));
        Node banner = robot.lookup(".patient-banner").query();
        for (Parent p = banner.getParent(); p != null; p = p.getParent()) {
            assertFalse(p instanceof ScrollPane, "the banner must not sit in a scrolling container");
        }
        assertEquals(0, Fx.call(() -> banner.localToScene(0, 0).getY()), 0.5, "banner at the top of the window");
    }

    @Test
    void withoutAPatientTheBannerAndTimelineSaySo(FxRobot robot) {
        assertEquals("No patient selected", text(robot, "#banner-bsn"));
        assertTrue(text(robot, ".timeline-placeholder").startsWith("No patient selected"));
    }

    @Test
    void timelineFillsAsEachSourceAnswersNewestFirstWithTheirInstitutions(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.updateSource(status(ERASMUS, State.QUERYING, ""));
        t.updateSource(status(ISALA, State.QUERYING, ""));
        Fx.await("both sources shown as querying",
                () -> labelTexts(fx.view, "source-state").equals(List.of("Querying...", "Querying...")));
        assertEquals("Searching the sources...", text(robot, ".timeline-placeholder"));

        t.addAll(List.of(
                study(PATIENT_A, "1.2.2023", "2023-06-01T10:15", "CT", "CHEST", "CT thorax", ERASMUS),
                study(PATIENT_A, "1.2.2021", "2021-02-11T08:00", "CT", "CHEST", "CT thorax", ERASMUS)), List.of());
        t.updateSource(status(ERASMUS, State.COMPLETE, ""));
        Fx.await("Erasmus studies on screen", () -> studyRowsOnScreen(robot).size() == 2);
        assertEquals(List.of("1.2.2023", "1.2.2021"), studyRowsOnScreen(robot));
        assertEquals(List.of("Erasmus MC"), labelTexts(studyRow(robot, "1.2.2023"), "source-chip"));

        // the second source: a newer study, and the 2023 study again (it holds a copy)
        t.addAll(List.of(
                study(PATIENT_A, "1.2.2024", "2024-09-30T14:00", "MR", "KNEE", "MRI knie rechts", ISALA),
                study(PATIENT_A, "1.2.2023", "2023-06-01T10:15", "CT", "CHEST", "CT thorax", ISALA)), List.of());
        t.updateSource(status(ISALA, State.COMPLETE, ""));
        Fx.await("Isala studies merged", () -> studyRowsOnScreen(robot).size() == 3);
        assertEquals(List.of("1.2.2024", "1.2.2023", "1.2.2021"), studyRowsOnScreen(robot));
        assertEquals(List.of("Erasmus MC", "Isala Zwolle"), labelTexts(studyRow(robot, "1.2.2023"), "source-chip"));
        assertEquals(List.of("2 studies"), labelTexts(sourceRow(robot, ERASMUS.homeCommunityId()), "source-count"));
        assertEquals(List.of("2 studies"), labelTexts(sourceRow(robot, ISALA.homeCommunityId()), "source-count"));
        assertEquals(List.of("MR"), labelTexts(studyRow(robot, "1.2.2024"), "modality-badge"));
        assertEquals(List.of("MRI knie rechts"), labelTexts(studyRow(robot, "1.2.2024"), "study-description"));
        assertEquals(List.of("Body part: KNEE"), labelTexts(studyRow(robot, "1.2.2024"), "study-body-part"));
        List<String> years = labelTexts(fx.view, "year-header-label");
        assertTrue(years.containsAll(List.of("2024  (1 study)", "2023  (1 study)", "2021  (1 study)")), years::toString);
        assertEquals("Timeline (3 studies)", text(robot, ".timeline-view > .pane-title"));
    }

    @Test
    void aReportIsMarkedOnItsStudy(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.addAll(List.of(study(PATIENT_A, "1.2.9", "2022-01-01T09:00", "CT", "HEAD", "CT cerebrum", ERASMUS),
                        study(PATIENT_A, "1.2.10", "2022-03-01T09:00", "CR", "HAND", "X hand", ERASMUS)),
                List.of(report(PATIENT_A, "1.2.9", "2022-01-02T09:00", "Verslag CT cerebrum", ERASMUS)));
        t.updateSource(status(ERASMUS, State.COMPLETE, ""));
        Fx.await("rows", () -> studyRowsOnScreen(robot).size() == 2);
        assertTrue(Fx.call(() -> studyRow(robot, "1.2.9").lookup(".report-marker").isVisible()));
        assertFalse(Fx.call(() -> studyRow(robot, "1.2.10").lookup(".report-marker").isVisible()));
    }

    @Test
    void aFailedSourceShowsItsNameAndMessageAndRetryBringsItsStudies(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.addAll(List.of(study(PATIENT_A, "1.2.1", "2020-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        t.updateSource(status(ERASMUS, State.COMPLETE, ""));
        t.updateSource(status(RIJNSTATE, State.FAILED, "XDSUnavailableCommunity: gateway did not answer"));
        Fx.await("failed source shown", () -> sourceRow(robot, RIJNSTATE.homeCommunityId()) != null);
        Node failed = sourceRow(robot, RIJNSTATE.homeCommunityId());
        assertEquals(List.of("Rijnstate Arnhem"), labelTexts(failed, "source-name"));
        assertEquals(List.of("Failed"), labelTexts(failed, "source-state"));
        assertEquals(List.of("XDSUnavailableCommunity: gateway did not answer"), labelTexts(failed, "source-message"));
        assertNull(Fx.call(() -> sourceRow(robot, ERASMUS.homeCommunityId()).lookup(".retry-button")),
                "no retry for a complete source");

        fx.service.onRetry((timeline, id) -> {
            timeline.updateSource(status(RIJNSTATE, State.QUERYING, ""));
            timeline.addAll(List.of(study(PATIENT_A, "1.2.7", "2025-05-05T11:00", "US", "ABDOMEN", "Echo abdomen",
                    RIJNSTATE)), List.of());
            timeline.updateSource(status(RIJNSTATE, State.COMPLETE, ""));
        });
        Button retry = Fx.call(() -> (Button) failed.lookup(".retry-button"));
        assertEquals("Retry", Fx.call(retry::getText));
        robot.clickOn(retry);

        Fx.await("retried source complete", () -> labelTexts(sourceRow(robot, RIJNSTATE.homeCommunityId()),
                "source-state").equals(List.of("Complete")));
        assertEquals(List.of(RIJNSTATE.homeCommunityId()), fx.service.retried());
        assertEquals(List.of("1.2.7", "1.2.1"), studyRowsOnScreen(robot));
        assertNull(Fx.call(() -> sourceRow(robot, RIJNSTATE.homeCommunityId()).lookup(".retry-button")));
    }

    @Test
    void eachSourceRowShowsTheConsentBasisItsDataCameOn(FxRobot robot) throws Exception {
        Timeline t = openA();
        java.time.Instant ends = java.time.Instant.now().plus(java.time.Duration.ofDays(25));
        t.updateSource(new nl.duoviewer.core.timeline.SourceStatus(ERASMUS.homeCommunityId(), ERASMUS.name(),
                State.COMPLETE, "", new nl.duoviewer.core.timeline.ConsentBasis.Mitz(true)));
        t.updateSource(new nl.duoviewer.core.timeline.SourceStatus(RIJNSTATE.homeCommunityId(), RIJNSTATE.name(),
                State.COMPLETE, "", new nl.duoviewer.core.timeline.ConsentBasis.TemporaryConsent(ends)));
        t.updateSource(new nl.duoviewer.core.timeline.SourceStatus(ISALA.homeCommunityId(), ISALA.name(),
                State.COMPLETE, "", new nl.duoviewer.core.timeline.ConsentBasis.TemporaryConsent(
                        java.time.Instant.now().minusSeconds(3600))));
        Fx.await("three sources", () -> sourceRow(robot, ISALA.homeCommunityId()) != null
                && sourceRow(robot, RIJNSTATE.homeCommunityId()) != null);
        assertEquals(List.of("Mitz consent"), labelTexts(sourceRow(robot, ERASMUS.homeCommunityId()),
                "source-basis"));
        String tlb = labelTexts(sourceRow(robot, RIJNSTATE.homeCommunityId()), "source-basis").getFirst();
        assertTrue(tlb.startsWith("Temporary consent (28 days) until "), tlb);
        assertTrue(tlb.contains(String.valueOf(ends.atZone(java.time.ZoneId.systemDefault()).getYear())), tlb);
        Node ended = sourceRow(robot, ISALA.homeCommunityId());
        String endedText = labelTexts(ended, "source-basis").getFirst();
        assertTrue(endedText.startsWith("Temporary consent ended ") && endedText.endsWith("nothing is retrieved"),
                endedText);
        assertTrue(Fx.call(() -> ended.lookup(".source-basis").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("blocked"))), "an ended consent is marked");
    }

    @Test
    void nothingFoundIsWordedNeutrallyAndAllSourcesFailingIsNotCalledNothingFound(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.updateSource(status(ERASMUS, State.COMPLETE, ""));
        t.updateSource(status(ISALA, State.TIMED_OUT, "No answer within 30 s"));
        Fx.await("settled", () -> labelTexts(fx.view, "source-state").contains("Timed out"));
        assertEquals("No studies found or no consent registered.", text(robot, ".timeline-placeholder"));

        Timeline t2 = open(LaunchContext.of(PATIENT_B, LaunchSource.MANUAL_ENTRY));
        t2.updateSource(status(ERASMUS, State.FAILED, "HTTP 503"));
        t2.updateSource(status(ISALA, State.TIMED_OUT, "No answer within 30 s"));
        Fx.await("both failed", () -> labelTexts(fx.view, "source-state").equals(List.of("Failed", "Timed out")));
        assertTrue(text(robot, ".timeline-placeholder").startsWith("No source could be queried"));
    }

    @Test
    void clickingAStudyShowsItsFirstImageWhileTheRestIsStillLoading(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("row", () -> studyRowsOnScreen(robot).size() == 1);
        ViewportViewModel viewer = fx.viewport();
        ImageViewport shown = fx.image();
        assertNull(Fx.call(() -> shown.imageProperty().get()));

        robot.clickOn(studyRow(robot, "1.2.5"));
        Fx.await("first image on screen", () -> shown.imageProperty().get() != null);
        WritableImage image = Fx.call(() -> shown.imageProperty().get());
        int total = (int) (image.getWidth() / 4) * (int) (image.getHeight() / 4);
        int lit = litPixels(image);
        assertTrue(lit > total / 10 && lit < total, "a body on a dark background, got " + lit + " of " + total);
        assertEquals(StudyViewModel.LoadState.LOADING, Fx.call(() -> fx.workspace.viewer().study().loadState()));
        assertEquals("Loading: 1 of 12 images", text(robot, ".load-status"));
        assertEquals("Im 1 / 12", Fx.call(() -> ((Label) fx.view.viewer().lookup(".overlay-bottom-left")).getText()
                .lines().toList().get(1)));

        // what is on screen, not just in the buffer: the viewport node renders the body too
        WritableImage shot = Fx.call(() -> shown.snapshot(null, null));
        assertTrue(litPixels(shot) > 0, "the viewport shows the image");

        fx.service.releaseRemainingFrames();
        Fx.await("study loaded", () -> fx.workspace.viewer().study().loadState() == StudyViewModel.LoadState.COMPLETE);
        assertEquals(12, Fx.call(viewer::framesInSeries));
        assertEquals("Loaded: 12 images", text(robot, ".load-status"));
        assertEquals(6, Fx.call(viewer::frameIndex), "still on the slice that came first (instance 7)");
        assertEquals(7, Fx.call(() -> viewer.currentFrame().instanceNumber()));
    }

    @Test
    void scrollingAndKeysMoveThroughTheSeries(FxRobot robot) throws Exception {
        fx.service.releaseRemainingFrames();
        Timeline t = openA();
        t.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("row", () -> studyRowsOnScreen(robot).size() == 1);
        robot.clickOn(studyRow(robot, "1.2.5"));
        ViewportViewModel viewer = fx.viewport();
        ImageViewport shown = fx.image();
        Fx.await("loaded", () -> fx.workspace.viewer().study().loadState() == StudyViewModel.LoadState.COMPLETE);
        int start = Fx.call(viewer::frameIndex);

        robot.clickOn(shown);
        robot.type(KeyCode.DOWN);
        Fx.await("next frame", () -> viewer.frameIndex() == start + 1);
        robot.type(KeyCode.HOME);
        Fx.await("first frame", () -> viewer.frameIndex() == 0);
        robot.type(KeyCode.DOWN, 5);
        Fx.await("five down", () -> viewer.frameIndex() == 5);
        // the robot's wheel reaches the viewer (its sign convention differs per platform, so only "it moved")
        robot.moveTo(shown).scroll(2, VerticalDirection.DOWN);
        Fx.await("wheel scrolled", () -> viewer.frameIndex() != 5);
        // a desktop wheel turned towards the user (negative delta) goes to the next image
        int before = Fx.call(viewer::frameIndex);
        Fx.run(() -> Event.fireEvent(shown, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false,
                false, false, false, false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.LINES, -1, 0, null)));
        assertEquals(before + 1, Fx.call(viewer::frameIndex));
        robot.type(KeyCode.END);
        Fx.await("last frame", () -> viewer.frameIndex() == 11);
        assertEquals(12, Fx.call(() -> viewer.currentFrame().instanceNumber()));
    }

    @Test
    void rightDragChangesWindowLevelAndTheRenderedPixels(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("row", () -> studyRowsOnScreen(robot).size() == 1);
        robot.clickOn(studyRow(robot, "1.2.5"));
        ViewportViewModel viewer = fx.viewport();
        ImageViewport shown = fx.image();
        Fx.await("image", () -> shown.imageProperty().get() != null);
        WindowLevel before = Fx.call(viewer::currentWindow);
        assertEquals(new WindowLevel(40, 400), before);
        // a soft-tissue pixel (40 HU) in the 40/400 window is mid-gray
        int softTissue = gray(shown, 0.89, 0.5);
        assertEquals(128, softTissue, 2);

        robot.drag(shown, MouseButton.SECONDARY).moveBy(60, 0).moveBy(60, 40).drop();
        Fx.await("window changed", () -> !viewer.currentWindow().equals(before));
        WindowLevel after = Fx.call(viewer::currentWindow);
        assertTrue(after.width() > before.width(), "dragging right widens the window: " + after);
        assertTrue(after.center() < before.center(), "dragging down lowers the level: " + after);
        assertNotEquals(softTissue, gray(shown, 0.89, 0.5), "the rendering follows the window");
        assertTrue(text(robot, ".overlay-bottom-right").startsWith("W " + Math.round(after.width())));

        robot.clickOn(shown);
        robot.type(KeyCode.DIGIT3);
        Fx.await("bone preset", () -> viewer.currentWindow().equals(WindowLevelPreset.BONE.window()));
        assertTrue(gray(shown, 0.89, 0.5) < softTissue, "soft tissue is darker in a bone window");
    }

    /** Gray value of the viewport's image at a relative position. */
    private static int gray(ImageViewport shown, double fx, double fy) {
        return Fx.call(() -> {
            WritableImage img = shown.imageProperty().get();
            return img.getPixelReader().getArgb((int) (img.getWidth() * fx), (int) (img.getHeight() * fy)) & 0xFF;
        });
    }

    @Test
    void aPatientSwitchClearsEverythingAndLateResultsOfTheOldPatientNeverShow(FxRobot robot) throws Exception {
        Timeline a = openA();
        a.addAll(List.of(study(PATIENT_A, "1.2.A1", "2024-01-01T09:00", "CT", "CHEST", "CT thorax A", ERASMUS)),
                List.of());
        a.updateSource(status(ERASMUS, State.COMPLETE, ""));
        Fx.await("A's study", () -> studyRowsOnScreen(robot).size() == 1);
        robot.clickOn(studyRow(robot, "1.2.A1"));
        ViewportViewModel viewer = fx.viewport();
        ImageViewport shown = fx.image();
        Fx.await("A's image", () -> shown.imageProperty().get() != null);

        // switch: in the same UI turn, everything of A is gone before B loads
        List<Object> afterSwitch = Fx.call(() -> {
            fx.workspace.open(LaunchContext.of(PATIENT_B, LaunchSource.MANUAL_ENTRY));
            return List.of(fx.view.banner().bsnText(), fx.workspace.timeline().items().size(),
                    shown.imageProperty().get() == null, fx.workspace.viewer().study() == null,
                    fx.workspace.timeline().sources().size());
        });
        assertEquals(List.of("BSN 9999.98.456", 0, true, true, 0), afterSwitch);
        Timeline b = fx.service.awaitTimeline(PATIENT_B);
        Fx.await("A's data released", () -> fx.service.released().contains(PATIENT_A));
        Fx.await("A's retrieval cancelled", () -> fx.service.loads().getFirst().isCancelled());

        // late answers for A: more studies, a status change, and the rest of A's images
        a.addAll(List.of(study(PATIENT_A, "1.2.A2", "2025-01-01T09:00", "MR", "HEAD", "MR A", ISALA)), List.of());
        a.updateSource(status(ISALA, State.COMPLETE, ""));
        fx.service.releaseRemainingFrames();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), studyRowsOnScreen(robot));
        assertEquals(0, Fx.call(() -> fx.workspace.timeline().sources().size()));
        assertNull(Fx.call(() -> shown.imageProperty().get()), "no image of A under B's banner");

        // B's own answer shows, and only B's
        b.addAll(List.of(study(PATIENT_B, "1.2.B1", "2023-03-03T09:00", "CR", "HAND", "X hand B", RIJNSTATE)),
                List.of());
        Fx.await("B's study", () -> studyRowsOnScreen(robot).equals(List.of("1.2.B1")));
        assertEquals("BSN 9999.98.456", text(robot, "#banner-bsn"));
    }

    @Test
    void aStudyOfAnotherPatientDeliveredToTheTimelineIsCountedNotShown(FxRobot robot) throws Exception {
        Timeline a = openA();
        a.addAll(List.of(study(PATIENT_A, "1.2.ok", "2024-01-01T09:00", "CT", "CHEST", "mine", ERASMUS),
                study(PATIENT_B, "1.2.wrong", "2024-02-01T09:00", "CT", "CHEST", "not mine", ISALA)), List.of());
        Fx.await("row", () -> studyRowsOnScreen(robot).size() == 1);
        assertEquals(List.of("1.2.ok"), studyRowsOnScreen(robot));
        assertEquals("1 record naming another patient was discarded.", text(robot, ".rejected-warning"));
    }

    @Test
    void selectingAStudyHighlightsPriorsOfTheSameBodyPart(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.addAll(List.of(
                study(PATIENT_A, "1.2.new", "2024-05-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS),
                study(PATIENT_A, "1.2.knee", "2023-05-01T09:00", "MR", "KNEE", "MR knie", ERASMUS),
                study(PATIENT_A, "1.2.old", "2019-05-01T09:00", "CR", "chest", "X thorax", ISALA)), List.of());
        Fx.await("rows", () -> studyRowsOnScreen(robot).size() == 3);
        robot.clickOn(studyRow(robot, "1.2.new"));
        PseudoClass prior = PseudoClass.getPseudoClass("prior");
        Fx.await("prior highlighted", () -> studyRow(robot, "1.2.old").getPseudoClassStates().contains(prior));
        assertFalse(Fx.call(() -> studyRow(robot, "1.2.knee").getPseudoClassStates().contains(prior)));
        assertFalse(Fx.call(() -> studyRow(robot, "1.2.new").getPseudoClassStates().contains(prior)));
    }

    @Test
    void aLaunchNamingAStudyOpensItWhenItArrives(FxRobot robot) throws Exception {
        Timeline t = open(new LaunchContext(PATIENT_A, null, LaunchSource.IHE_INVOKE_IMAGE_DISPLAY, "1.2.focus"));
        t.addAll(List.of(study(PATIENT_A, "1.2.other", "2024-05-01T09:00", "CT", "CHEST", "CT", ERASMUS)), List.of());
        t.addAll(List.of(study(PATIENT_A, "1.2.focus", "2022-05-01T09:00", "MR", "HEAD", "MR", ISALA)), List.of());
        ViewportViewModel viewer = fx.viewport();
        ImageViewport shown = fx.image();
        Fx.await("focus study opened", () -> fx.workspace.viewer().study() != null);
        assertEquals("1.2.focus", Fx.call(() -> fx.workspace.viewer().study().entry().studyInstanceUid()));
        Fx.await("its image", () -> shown.imageProperty().get() != null);
        assertEquals("1.2.focus", Fx.call(() -> viewer.currentFrame().studyInstanceUid()));
    }

    @Test
    void aLaunchNamingItsUserSignsThemInBeforeTheQuery(FxRobot robot) throws Exception {
        UserIdentity ehrUser = UserIdentity.fromEhrLaunch("123456782", "01.039", "A. de Vries");
        open(new LaunchContext(PATIENT_A, null, LaunchSource.URL_SCHEME, null, ehrUser));
        assertEquals(List.of(ehrUser), fx.service.signedIn());
        openA(); // a launch that names nobody signs nobody in (the previous user stays)
        assertEquals(List.of(ehrUser), fx.service.signedIn());
    }

    @Test
    void typingABsnOpensThePatientAndAnInvalidOneIsRefused(FxRobot robot) throws Exception {
        robot.clickOn("#bsn-field").write("123456789");
        robot.clickOn("#open-patient");
        assertEquals("Not a valid BSN (9 digits, 11-check)", text(robot, "#bsn-error"));
        assertEquals("No patient selected", text(robot, "#banner-bsn"));

        robot.clickOn("#bsn-field");
        Fx.run(() -> ((TextField) robot.lookup("#bsn-field").query()).setText("9999.98.456"));
        robot.clickOn("#open-patient");
        assertNotNull(fx.service.awaitTimeline(PATIENT_B));
        assertEquals("BSN 9999.98.456", text(robot, "#banner-bsn"));
        assertEquals("Patient context: entered by hand", text(robot, "#banner-context"));
        assertEquals("", text(robot, "#bsn-error"));
    }

    @Test
    void closingThePatientClearsTheScreen(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("row", () -> studyRowsOnScreen(robot).size() == 1);
        robot.clickOn(studyRow(robot, "1.2.5"));
        Fx.await("image", () -> fx.image().imageProperty().get() != null);

        robot.clickOn("#close-patient");
        assertEquals("No patient selected", text(robot, "#banner-bsn"));
        assertEquals(List.of(), studyRowsOnScreen(robot));
        assertNull(Fx.call(() -> fx.image().imageProperty().get()));
        Fx.await("released", () -> fx.service.released().contains(PATIENT_A));
        assertTrue(Fx.call(() -> robot.lookup("#close-patient").query().isDisabled()));
    }

    @Test
    void ctrlWheelZoomsLeftDragPansAndDoubleClickResets(FxRobot robot) throws Exception {
        Timeline t = openA();
        t.addAll(List.of(study(PATIENT_A, "1.2.5", "2024-01-01T09:00", "CT", "CHEST", "CT thorax", ERASMUS)),
                List.of());
        Fx.await("row", () -> studyRowsOnScreen(robot).size() == 1);
        robot.clickOn(studyRow(robot, "1.2.5"));
        ViewportViewModel viewer = fx.viewport();
        ImageViewport shown = fx.image();
        Fx.await("image", () -> shown.imageProperty().get() != null);
        Node image = Fx.call(() -> shown.lookup(".image-view"));
        double fitWidth = Fx.call(() -> image.getBoundsInParent().getWidth());

        Fx.run(() -> Event.fireEvent(shown, new ScrollEvent(ScrollEvent.SCROLL, 200, 200, 200, 200,
                false, true, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        Fx.await("zoomed", () -> image.getBoundsInParent().getWidth() > fitWidth * 1.1);
        assertTrue(text(robot, ".overlay-bottom-right").endsWith("Zoom 115%"), text(robot, ".overlay-bottom-right"));
        int frame = Fx.call(viewer::frameIndex);
        assertEquals(frame, Fx.call(viewer::frameIndex), "a zoom does not scroll");

        double x = Fx.call(() -> image.getBoundsInParent().getMinX());
        robot.drag(shown, MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 0).drop();
        Fx.await("panned", () -> image.getBoundsInParent().getMinX() > x + 50);

        robot.doubleClickOn(shown, MouseButton.PRIMARY);
        Fx.await("reset", () -> Math.abs(image.getBoundsInParent().getWidth() - fitWidth) < 1);
        assertTrue(text(robot, ".overlay-bottom-right").endsWith("Zoom 100%"));
    }
}
