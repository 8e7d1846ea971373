package nl.duoviewer.app.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.ReportLoad;
import nl.duoviewer.app.imaging.ReportLoadListener;
import nl.duoviewer.app.imaging.ReportProblem;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.report.PageImage;
import nl.duoviewer.report.PdfReport;
import nl.duoviewer.report.ReportDocument;
import nl.duoviewer.report.ReportException;

/**
 * What the report pane beside the images shows: whether it is open, which report, how far its retrieval got (a typed
 * {@link Status} the view translates), the document once read, the other reports of the same study to switch to, and
 * for a PDF the pages rendered so far. Never touches a control; tested without JavaFX running.
 *
 * <p>Each {@link #show} starts a new load; an outcome of an earlier one, or one arriving after {@link #clear} (patient
 * switch), is dropped. PDF pages are rendered on request (the view asks for the pages on screen) on the background
 * executor and at most {@value #PAGES_HELD} are kept, so a long document never fills the memory. Everything is held in
 * memory only. Call on the JavaFX thread (the {@code ui} executor's thread).
 */
public final class ReportViewModel {

    /** Where the pane stands; every value but IDLE, LOADING and SHOWN is a reason the report is not shown. */
    public enum Status {
        /** Nothing asked for. */
        IDLE,
        /** Being retrieved and read. */
        LOADING,
        /** The document is shown. */
        SHOWN,
        /** The selected study has no report. */
        NO_REPORT,
        CONSENT_REFUSED,
        UNREACHABLE,
        NOT_AVAILABLE,
        UNSUPPORTED_FORMAT,
        CORRUPT,
        WRONG_PATIENT
    }

    /** Pixels per PDF point pages are rendered at: 108 dpi, sharp on a typical reading-room monitor. */
    public static final float PAGE_SCALE = 1.5f;
    /** Rendered PDF pages kept in memory. */
    public static final int PAGES_HELD = 8;

    private final ImagingService service;
    private final Executor ui;
    private final Executor background;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.IDLE);
    private final ReadOnlyObjectWrapper<ReportRecord> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<ReportDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ObservableList<ReportRecord> choices = FXCollections.observableArrayList();
    private final ObservableList<ReportRecord> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final ObservableMap<Integer, PageImage> pages = FXCollections.observableHashMap();
    private final ObservableMap<Integer, PageImage> pagesView = FXCollections.unmodifiableObservableMap(pages);
    private final ObservableSet<Integer> failedPages = FXCollections.observableSet();
    private final ObservableSet<Integer> failedPagesView = FXCollections.unmodifiableObservableSet(failedPages);
    private final Set<Integer> rendering = new HashSet<>();
    private long generation;
    private ReportLoad running;
    private int lastRequestedPage;

    /**
     * @param ui         runs tasks on the thread this model lives on (the JavaFX thread)
     * @param background runs retrieval starts and page renders
     */
    public ReportViewModel(ImagingService service, Executor ui, Executor background) {
        this.service = Objects.requireNonNull(service);
        this.ui = Objects.requireNonNull(ui);
        this.background = Objects.requireNonNull(background);
    }

    /**
     * Opens the pane on a report, retrieving it unless it is already the one shown or loading.
     *
     * @param others every report of the same study (for switching), including this one
     */
    public void show(ReportRecord shown, List<ReportRecord> others) {
        Objects.requireNonNull(shown);
        open.set(true);
        choices.setAll(others.contains(shown) ? others : List.of(shown));
        if (shown.equals(report.get()) && (status.get() == Status.SHOWN || status.get() == Status.LOADING)) {
            return;
        }
        long load = reset();
        report.set(shown);
        status.set(Status.LOADING);
        ReportLoadListener listener = new ReportLoadListener() {
            @Override
            public void loaded(ReportDocument doc) {
                ui.execute(() -> arrived(load, doc, null));
            }

            @Override
            public void failed(ReportProblem problem) {
                ui.execute(() -> arrived(load, null, problem));
            }
        };
        background.execute(() -> {
            ReportLoad started;
            try {
                started = service.openReport(shown, listener);
            } catch (RuntimeException e) {
                listener.failed(ReportProblem.UNREACHABLE);
                return;
            }
            ui.execute(() -> {
                if (load == generation) {
                    running = started;
                } else {
                    started.cancel();
                }
            });
        });
    }

    /** Retrieves the report again after it could not be shown (the source was down, say). */
    public void retry() {
        if (canRetry()) {
            show(report.get(), List.copyOf(choices));
        }
    }

    /** True when the report could not be shown for a reason that may pass (the source, not the document). */
    public boolean canRetry() {
        Status s = status.get();
        return report.get() != null && (s == Status.UNREACHABLE || s == Status.NOT_AVAILABLE);
    }

    /** Opens the pane saying the selected study has no report. */
    public void showNone() {
        reset();
        open.set(true);
        choices.clear();
        status.set(Status.NO_REPORT);
    }

    /** Closes the pane and lets go of the report. */
    public void close() {
        reset();
        choices.clear();
        status.set(Status.IDLE);
        open.set(false);
    }

    /** Forgets everything (patient switch, close); outcomes still under way are dropped. */
    public void clear() {
        close();
    }

    /** Starts a new load identity: the previous load is cancelled and its document and pages are released. */
    private long reset() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
        report.set(null);
        document.set(null);
        pages.clear();
        failedPages.clear();
        rendering.clear();
        lastRequestedPage = 0;
        return generation;
    }

    private void arrived(long load, ReportDocument doc, ReportProblem problem) {
        if (load != generation) {
            return; // a report the user has moved away from, or of the previous patient
        }
        running = null;
        if (doc != null) {
            document.set(doc);
            status.set(Status.SHOWN);
        } else {
            status.set(switch (problem) {
                case CONSENT_REFUSED -> Status.CONSENT_REFUSED;
                case UNREACHABLE -> Status.UNREACHABLE;
                case NOT_AVAILABLE -> Status.NOT_AVAILABLE;
                case UNSUPPORTED_FORMAT -> Status.UNSUPPORTED_FORMAT;
                case CORRUPT -> Status.CORRUPT;
                case WRONG_PATIENT -> Status.WRONG_PATIENT;
            });
        }
    }

    /**
     * Asks for a PDF page (0-based) to be rendered, if it is not held or under way. The view calls this for the pages
     * on screen; pages far from the last one asked for are released beyond {@value #PAGES_HELD}.
     */
    public void requestPage(int index) {
        if (!(document.get() instanceof PdfReport pdf) || index < 0 || index >= pdf.pageCount()) {
            return;
        }
        lastRequestedPage = index;
        if (pages.containsKey(index) || rendering.contains(index) || failedPages.contains(index)) {
            return;
        }
        rendering.add(index);
        long load = generation;
        background.execute(() -> {
            PageImage image;
            try {
                image = pdf.render(index, PAGE_SCALE);
            } catch (ReportException | RuntimeException e) {
                ui.execute(() -> pageArrived(load, index, null));
                return;
            }
            ui.execute(() -> pageArrived(load, index, image));
        });
    }

    private void pageArrived(long load, int index, PageImage image) {
        if (load != generation) {
            return;
        }
        rendering.remove(index);
        if (image == null) {
            failedPages.add(index);
            return;
        }
        pages.put(index, image);
        while (pages.size() > PAGES_HELD) {
            int centre = lastRequestedPage;
            int farthest = pages.keySet().stream()
                    .max((a, b) -> Integer.compare(Math.abs(a - centre), Math.abs(b - centre))).orElseThrow();
            pages.remove(farthest);
        }
    }

    /** True while the pane is open (a report, its loading state or why it is not shown). */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The report asked for; null when none. */
    public ReadOnlyObjectProperty<ReportRecord> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The document once read; null until then and whenever it is not shown. */
    public ReadOnlyObjectProperty<ReportDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** Every report of the shown report's study, to switch between. */
    public ObservableList<ReportRecord> choices() {
        return choicesView;
    }

    /** PDF pages rendered and held, by 0-based index. */
    public ObservableMap<Integer, PageImage> pages() {
        return pagesView;
    }

    /** PDF pages that could not be drawn. */
    public ObservableSet<Integer> failedPages() {
        return failedPagesView;
    }

    /** The PDF's page count; 0 for any other document or none. */
    public int pageCount() {
        return document.get() instanceof PdfReport pdf ? pdf.pageCount() : 0;
    }
}
