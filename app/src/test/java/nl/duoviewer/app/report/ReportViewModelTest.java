package nl.duoviewer.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.ReportLoad;
import nl.duoviewer.app.imaging.ReportLoadListener;
import nl.duoviewer.app.imaging.ReportProblem;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.app.report.ReportViewModel.Status;
import nl.duoviewer.app.testing.Records;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.network.synthetic.ReportDocument;
import nl.duoviewer.report.PatientReference;
import nl.duoviewer.report.PdfReport;
import nl.duoviewer.report.ReportBlock;
import nl.duoviewer.report.ReportFormat;
import nl.duoviewer.report.ReportReader;
import nl.duoviewer.report.StructuredReport;

/**
 * The report pane's state, without JavaFX running: typed status per outcome, stale outcomes dropped, PDF pages
 * rendered on request and held within bounds. Executors run tasks at once (background) or when the test says (ui).
 */
class ReportViewModelTest {

    private static final ReportRecord CT = Records.report(Records.PATIENT_A, "1.2.9", "2022-01-02T09:00",
            "Verslag CT cerebrum", Records.ERASMUS);
    private static final ReportRecord MR = Records.report(Records.PATIENT_A, "1.2.10", "2022-03-02T09:00",
            "Verslag MRI knie", Records.ISALA);
    private static final StructuredReport TEXT = new StructuredReport(ReportFormat.TEXT, "", List.of(),
            List.of(new ReportBlock.Paragraph("Conclusie: geen afwijkingen.")), new PatientReference.NotStated());

    /** Captures each openReport call's listener so the test decides when and how it ends. */
    private static final class FakeService implements ImagingService {
        final List<ReportLoadListener> listeners = new ArrayList<>();
        final List<ReportRecord> opened = new ArrayList<>();
        int cancelled;

        @Override
        public ReportLoad openReport(ReportRecord report, ReportLoadListener listener) {
            opened.add(report);
            listeners.add(listener);
            return () -> cancelled++;
        }

        @Override
        public Timeline startTimeline(Bsn patient) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void retrySource(Timeline timeline, String sourceId) {
        }

        @Override
        public StudyLoad openStudy(TimelineEntry study, StudyLoadListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releasePatient(Bsn patient) {
        }

        @Override
        public String networkDescription() {
            return "";
        }

        @Override
        public void close() {
        }
    }

    private final FakeService service = new FakeService();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final ReportViewModel model = new ReportViewModel(service, uiQueue::add, Runnable::run);

    /** Runs what was posted to the UI thread, as the JavaFX thread would. */
    private void runUi() {
        while (!uiQueue.isEmpty()) {
            uiQueue.removeFirst().run();
        }
    }

    @Test
    void aReportLoadsThenShowsItsDocument() {
        assertEquals(Status.IDLE, model.statusProperty().get());
        assertFalse(model.openProperty().get());
        model.show(CT, List.of(CT, MR));
        runUi();
        assertTrue(model.openProperty().get());
        assertEquals(Status.LOADING, model.statusProperty().get());
        assertEquals(CT, model.reportProperty().get());
        assertEquals(List.of(CT, MR), model.choices());
        assertEquals(List.of(CT), service.opened);

        service.listeners.getFirst().loaded(TEXT);
        assertEquals(Status.LOADING, model.statusProperty().get(), "only on the UI thread");
        runUi();
        assertEquals(Status.SHOWN, model.statusProperty().get());
        assertSame(TEXT, model.documentProperty().get());
        assertEquals(0, model.pageCount());
    }

    @Test
    void everyProblemBecomesItsOwnTypedStatus() {
        for (ReportProblem p : ReportProblem.values()) {
            model.show(p.ordinal() % 2 == 0 ? CT : MR, List.of());
            runUi();
            service.listeners.getLast().failed(p);
            runUi();
            assertEquals(p.name(), model.statusProperty().get().name());
            assertNull(model.documentProperty().get());
            assertTrue(model.openProperty().get(), "the pane stays open and says why");
        }
    }

    @Test
    void showingTheReportAlreadyShownDoesNotRetrieveItAgain() {
        model.show(CT, List.of(CT));
        runUi();
        service.listeners.getFirst().loaded(TEXT);
        runUi();
        model.show(CT, List.of(CT));
        runUi();
        assertEquals(1, service.opened.size());
        assertEquals(Status.SHOWN, model.statusProperty().get());
    }

    @Test
    void anOutcomeForAReportTheUserLeftIsDroppedAndItsLoadCancelled() {
        model.show(CT, List.of(CT));
        runUi();
        model.show(MR, List.of(MR));
        runUi();
        assertEquals(1, service.cancelled, "the first load is cancelled");
        service.listeners.getFirst().loaded(TEXT); // late answer for CT
        runUi();
        assertEquals(Status.LOADING, model.statusProperty().get());
        assertEquals(MR, model.reportProperty().get());
        assertNull(model.documentProperty().get());
    }

    @Test
    void afterAPatientSwitchNothingOfThePreviousReportArrives() {
        model.show(CT, List.of(CT));
        runUi();
        model.clear();
        service.listeners.getFirst().loaded(TEXT);
        runUi();
        assertFalse(model.openProperty().get());
        assertEquals(Status.IDLE, model.statusProperty().get());
        assertNull(model.documentProperty().get());
        assertNull(model.reportProperty().get());
    }

    @Test
    void aStudyWithoutReportSaysSoAndCloseHidesThePane() {
        model.showNone();
        assertTrue(model.openProperty().get());
        assertEquals(Status.NO_REPORT, model.statusProperty().get());
        model.close();
        assertFalse(model.openProperty().get());
    }

    @Test
    void anUnreachableSourceCanBeTriedAgainButACorruptDocumentCannot() {
        model.show(CT, List.of(CT));
        runUi();
        service.listeners.getFirst().failed(ReportProblem.UNREACHABLE);
        runUi();
        assertTrue(model.canRetry());
        model.retry();
        runUi();
        assertEquals(Status.LOADING, model.statusProperty().get());
        assertEquals(List.of(CT, CT), service.opened);
        service.listeners.getLast().failed(ReportProblem.CORRUPT);
        runUi();
        assertFalse(model.canRetry());
        model.retry();
        assertEquals(2, service.opened.size());
    }

    @Test
    void pdfPagesRenderOnRequestAndOnlyTheNearestAreHeld() throws Exception {
        List<String> lines = IntStream.range(0, 12 * 52).mapToObj(i -> "Regel " + i).toList();
        PdfReport pdf = (PdfReport) ReportReader.read(ReportDocument.pdf("Verslag", lines), "application/pdf");
        assertEquals(12, pdf.pageCount());
        model.show(CT, List.of(CT));
        runUi();
        service.listeners.getFirst().loaded(pdf);
        runUi();
        assertEquals(12, model.pageCount());
        for (int i = 0; i < 12; i++) {
            model.requestPage(i);
            runUi();
        }
        assertEquals(ReportViewModel.PAGES_HELD, model.pages().size());
        assertEquals(Set.of(4, 5, 6, 7, 8, 9, 10, 11), model.pages().keySet(), "the pages nearest the last asked");
        var page = model.pages().get(11);
        assertEquals(Math.round(595 * ReportViewModel.PAGE_SCALE), page.width(), 1);
        model.requestPage(99);
        model.requestPage(-1);
        runUi();
        assertEquals(ReportViewModel.PAGES_HELD, model.pages().size());

        model.show(MR, List.of(MR));
        assertTrue(model.pages().isEmpty(), "another report releases the pages");
    }
}
