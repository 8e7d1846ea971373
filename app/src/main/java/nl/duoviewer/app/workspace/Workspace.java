package nl.duoviewer.app.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import nl.duoviewer.app.audit.AuditPort;
import nl.duoviewer.app.concurrency.BackgroundExecutor;
import nl.duoviewer.app.concurrency.CancellationScope;
import nl.duoviewer.app.concurrency.CoalescingSignal;
import nl.duoviewer.app.concurrency.SerialLane;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.imaging.ImagingService;
import nl.duoviewer.app.imaging.LoadFailure;
import nl.duoviewer.app.imaging.StudyLoad;
import nl.duoviewer.app.imaging.StudyLoadListener;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.patient.PatientBannerViewModel;
import nl.duoviewer.app.report.ReportViewModel;
import nl.duoviewer.app.timeline.TimelineItem;
import nl.duoviewer.app.timeline.TimelineViewModel;
import nl.duoviewer.app.viewer.ExportRecorder;
import nl.duoviewer.app.viewer.PriorSelection;
import nl.duoviewer.app.viewer.StudyFrames;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.ViewerLayoutViewModel;
import nl.duoviewer.app.viewer.ToolsViewModel;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.core.timeline.ReportRecord;
import nl.duoviewer.core.timeline.SourceInstitution;
import nl.duoviewer.core.timeline.SourceStatus;
import nl.duoviewer.core.timeline.Timeline;
import nl.duoviewer.core.timeline.TimelineEntry;
import nl.duoviewer.core.timeline.TimelineSnapshot;

/**
 * One window's working state, as view models only: the patient on screen (banner), their timeline, the image viewer
 * with the open study and the report beside it, and the calls into the {@link ImagingService} behind them.
 * {@link WorkspaceView} builds the controls for it; nothing here touches one, so all of it can be tested without
 * JavaFX.
 *
 * <p>Patient safety rules live here. {@link #open} clears everything of the previous patient (banner, timeline,
 * viewer, the service's caches) before it starts loading the new one, and every piece of work is tied to the session
 * or study it was started for: when that is gone, its results are dropped. Call on the JavaFX thread; service calls
 * run on the background executor.
 */
public final class Workspace implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Workspace.class.getName());

    /** Source id used for the status line when the service could not even start a query. */
    static final String STARTUP_SOURCE = "duoviewer:query-start";

    private final ImagingService service;
    private final AuditPort audit;
    private final Texts texts;
    private final Executor ui;
    private final BackgroundExecutor background;
    /** Patient releases and query starts, in the order the user caused them. */
    private final SerialLane patientLane;
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final PatientBannerViewModel banner = new PatientBannerViewModel();
    private final ViewerLayoutViewModel viewer = new ViewerLayoutViewModel();
    private final ToolsViewModel tools;
    private final ReportViewModel report;
    private final ReadOnlyObjectWrapper<LaunchContext> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final LaunchRoute route;
    private Session session;

    /** The work started for one patient. */
    private static final class Session {
        final LaunchContext context;
        final CancellationScope scope = new CancellationScope();
        volatile Timeline timeline;
        CancellationScope study;
        CancellationScope prior;

        Session(LaunchContext context) {
            this.context = context;
        }
    }

    /** A workspace that audits nothing (tests and benchmarks). */
    public Workspace(ImagingService service, Texts texts, Executor ui, BackgroundExecutor background) {
        this(service, texts, ui, background, AuditPort.NONE);
    }

    /** A workspace that reports patient open and close, each study shown and each export of the view to
     * the audit trail. */
    public Workspace(ImagingService service, Texts texts, Executor ui, BackgroundExecutor background,
                     AuditPort audit) {
        this.service = Objects.requireNonNull(service);
        this.audit = Objects.requireNonNull(audit);
        this.texts = Objects.requireNonNull(texts);
        this.ui = Objects.requireNonNull(ui);
        this.background = Objects.requireNonNull(background);
        this.patientLane = new SerialLane(background);
        // every export of the view, also one that failed, is the user's decision and is audited (decision record 28)
        ExportRecorder exports = e -> this.audit.exported(e.patient(), List.of(e.studyInstanceUid()),
                e.file().toUri() + (e.deIdentified() ? " (without patient data)" : " (with the patient overlay)"),
                e.succeeded());
        this.tools = new ToolsViewModel(viewer, exports, background::submit, ui);
        this.report = new ReportViewModel(service, ui, background::submit);
        // a report counts as displayed once its document is on screen (audited as the image studies are)
        report.documentProperty().addListener((o, before, shown) -> {
            ReportRecord r = report.reportProperty().get();
            if (shown != null && r != null) {
                this.audit.reportDisplayed(r);
            }
        });
        timeline.selectedProperty().addListener((o, before, after) -> selectionChanged(before, after));
        timeline.selectedReportProperty().addListener((o, before, after) -> {
            if (after != null) {
                showReport(after, List.of(after));
            }
        });
        timeline.setOnReportRequested(this::openReport);
        viewer.setOnCompare(this::toggleComparison);
        viewer.setOnPriorChosen(this::comparePrior);
        viewer.priorProperty().addListener((o, before, after) -> {
            if (after == null) {
                cancelPrior(); // the layout ended the comparison (1x1): stop retrieving the prior too
            }
        });
        this.route = new LaunchRoute(this, ui);
    }

    /** The one way in for every launch path; {@link #open} is what it ends in. */
    public LaunchRoute route() {
        return route;
    }

    /**
     * Shows a new patient. The previous patient's timeline, images, running queries and cached data are dropped
     * before anything of the new patient is loaded.
     */
    public void open(LaunchContext context) {
        Objects.requireNonNull(context);
        closePatient();
        Session s = new Session(context);
        session = s;
        audit.patientOpened(context.patient());
        current.set(context);
        banner.show(context);
        timeline.startPatient(context.patient(), context.focusStudyUid());
        patientLane.execute(() -> startQueries(s));
    }

    /** Clears the screen of the current patient and cancels their work. */
    public void closePatient() {
        Session old = session;
        session = null;
        if (old != null) {
            old.scope.cancel();
            Bsn patient = old.context.patient();
            audit.patientClosed(patient);
            patientLane.execute(() -> service.releasePatient(patient));
        }
        viewer.clear();
        report.clear();
        timeline.clear();
        banner.show(null);
        current.set(null);
    }

    private void startQueries(Session s) {
        if (s.scope.isCancelled()) {
            return;
        }
        Timeline t;
        try {
            s.context.launchUser().ifPresent(service::signIn); // before the query, so it is sent for that user
            t = service.startTimeline(s.context.patient());
        } catch (RuntimeException e) {
            // the service could not even start: show it as a failed source the user can retry (detail in the log)
            LOG.log(System.Logger.Level.WARNING, "The query could not be started", e);
            t = new Timeline(s.context.patient());
            t.updateSource(new SourceStatus(STARTUP_SOURCE, texts.get("sources.network"),
                    SourceStatus.State.FAILED, texts.get("sources.startFailed")));
        }
        Timeline started = t;
        CoalescingSignal changed = new CoalescingSignal(ui, () -> showLatest(s, started));
        Consumer<TimelineSnapshot> listener = snapshot -> changed.signal();
        s.timeline = started;
        started.addListener(listener);
        s.scope.onCancel(() -> started.removeListener(listener));
        changed.signal();
    }

    /** Reads the timeline's latest state on the UI thread, so updates cannot overtake each other. */
    private void showLatest(Session s, Timeline t) {
        if (s != session) {
            return; // the user has moved to another patient
        }
        TimelineSnapshot snapshot = t.snapshot();
        if (timeline.apply(snapshot)) {
            banner.applySources(snapshot.sourcePatients()); // what the launch did not say, if the sources agree
        }
    }

    /** Queries one source again. */
    public void retry(String sourceId) {
        Session s = session;
        if (s == null) {
            return;
        }
        Timeline t = s.timeline;
        if (t == null || STARTUP_SOURCE.equals(sourceId)) {
            open(s.context);
            return;
        }
        background.submit(() -> {
            if (!s.scope.isCancelled()) {
                service.retrySource(t, sourceId);
            }
        });
    }

    private void selectionChanged(TimelineEntry before, TimelineEntry after) {
        if (after != null && report.openProperty().get()
                && (before == null || !before.studyInstanceUid().equals(after.studyInstanceUid()))) {
            openReport(after); // an open report pane follows the study on screen
        }
        if (after == null) {
            cancelStudy();
            cancelPrior();
            viewer.clear();
            return;
        }
        if (before != null && before.studyInstanceUid().equals(after.studyInstanceUid())
                && viewer.study() != null) {
            return; // the same study, refreshed by a newer snapshot
        }
        openStudy(after);
    }

    private void openStudy(TimelineEntry entry) {
        Session s = session;
        if (s == null || !entry.patient().equals(s.context.patient())) {
            return; // never open a study under another patient's banner
        }
        cancelStudy();
        CancellationScope study = new CancellationScope();
        s.study = study;
        s.scope.onCancel(study::cancel);
        StudyViewModel opened = load(s, entry, study);
        viewer.open(opened);
        if (viewer.comparingProperty().get()) {
            compareWithPrior(); // a comparison follows the study on screen to its own prior
        }
    }

    /** Starts retrieving a study into a new view model; cancelling {@code scope} stops it. */
    private StudyViewModel load(Session s, TimelineEntry entry, CancellationScope scope) {
        StudyViewModel opened = new StudyViewModel(s.context.patient(), entry, banner.knownNameProperty(), ui,
                StudyFrames.defaultBudget());
        scope.onCancel(opened::close);
        StudyLoadListener listener = auditedOnFirstFrame(opened.listener(), s, scope, entry);
        background.submit(() -> {
            if (scope.isCancelled()) {
                return;
            }
            try {
                StudyLoad load = service.openStudy(entry, listener);
                opened.attach(load);
                scope.onCancel(load::cancel);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "The study could not be opened", e);
                listener.failed(new LoadFailure.RetrievalFailed(sourceNames(entry)));
            }
        });
        return opened;
    }

    /**
     * Compares the study on screen with its most relevant prior (same modality and body part, the newest before it;
     * {@link PriorSelection}), shown beside it; when there is none, the viewer offers the other studies to pick from.
     */
    public void compareWithPrior() {
        TimelineEntry current = viewer.study() == null ? null : viewer.study().entry();
        if (session == null || current == null) {
            return;
        }
        List<TimelineEntry> studies = timeline.items().stream()
                .filter(TimelineItem.Study.class::isInstance).map(i -> ((TimelineItem.Study) i).entry()).toList();
        PriorSelection selection = PriorSelection.of(current, studies);
        if (selection.best() != null) {
            comparePrior(selection.best());
        } else {
            cancelPrior();
            viewer.startComparison(selection.candidates());
        }
    }

    /** Shows {@code prior} beside the study on screen (the user's pick, or the chosen prior). */
    public void comparePrior(TimelineEntry prior) {
        Session s = session;
        if (s == null || prior == null || viewer.study() == null || !prior.patient().equals(s.context.patient())
                || prior.studyInstanceUid().equals(viewer.study().entry().studyInstanceUid())) {
            return; // never a prior of another patient; never the study beside itself
        }
        if (viewer.prior() != null && viewer.prior().entry().studyInstanceUid().equals(prior.studyInstanceUid())
                && !viewer.prior().isClosed()) {
            return;
        }
        cancelPrior();
        CancellationScope scope = new CancellationScope();
        s.prior = scope;
        s.scope.onCancel(scope::cancel);
        viewer.showPrior(load(s, prior, scope));
    }

    /** Back to the study alone. */
    public void endComparison() {
        cancelPrior();
        viewer.endComparison();
    }

    /** The comparison key and button: starts comparing, or ends it. */
    public void toggleComparison() {
        if (viewer.comparingProperty().get()) {
            endComparison();
        } else {
            compareWithPrior();
        }
    }

    /** Opens the report of a study beside its images: the newest when there are several; says so when none. */
    public void openReport(TimelineEntry entry) {
        Session s = session;
        if (s == null || entry == null || !entry.patient().equals(s.context.patient())) {
            return;
        }
        List<ReportRecord> reports = entry.reports().stream()
                .sorted(Comparator.comparing(ReportRecord::date, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        if (reports.isEmpty()) {
            report.showNone();
        } else {
            showReport(reports.getFirst(), reports);
        }
    }

    private void showReport(ReportRecord shown, List<ReportRecord> choices) {
        Session s = session;
        if (s == null || !shown.patient().equals(s.context.patient())) {
            return; // never a report under another patient's banner
        }
        report.show(shown, choices);
    }

    /**
     * The report key: closes the pane when it is open, otherwise opens the report of the selected study or the
     * selected report-only row.
     */
    public void toggleReport() {
        if (report.openProperty().get()) {
            report.close();
            return;
        }
        ReportRecord only = timeline.selectedReportProperty().get();
        if (only != null) {
            showReport(only, List.of(only));
        } else if (timeline.selectedProperty().get() != null) {
            openReport(timeline.selectedProperty().get());
        }
    }

    private void cancelPrior() {
        Session s = session;
        if (s != null && s.prior != null) {
            s.prior.cancel();
            s.prior = null;
        }
    }

    /** Reports the study as displayed when its first frame reaches the viewer, if it is still the one on screen. */
    private StudyLoadListener auditedOnFirstFrame(StudyLoadListener viewerFeed, Session s, CancellationScope study,
                                                  TimelineEntry entry) {
        java.util.concurrent.atomic.AtomicBoolean shown = new java.util.concurrent.atomic.AtomicBoolean();
        return new StudyLoadListener() {
            @Override
            public void frameDecoded(nl.duoviewer.core.pixel.DecodedFrame frame) {
                viewerFeed.frameDecoded(frame);
                if (!study.isCancelled() && !s.scope.isCancelled() && shown.compareAndSet(false, true)) {
                    audit.studyDisplayed(entry);
                }
            }

            @Override
            public void progress(int done, int total) {
                viewerFeed.progress(done, total);
            }

            @Override
            public void completed() {
                viewerFeed.completed();
            }

            @Override
            public void failed(LoadFailure reason) {
                viewerFeed.failed(reason);
            }
        };
    }

    private void cancelStudy() {
        Session s = session;
        if (s != null && s.study != null) {
            s.study.cancel();
            s.study = null;
        }
    }

    private static String sourceNames(TimelineEntry entry) {
        return entry.sources().stream().map(SourceInstitution::name).collect(Collectors.joining(", "));
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    /** The patient banner's state. */
    public PatientBannerViewModel banner() {
        return banner;
    }

    /** The image viewer's viewports and open study. */
    public ViewerLayoutViewModel viewer() {
        return viewer;
    }

    /** The reading tools on the viewer: measurements, cine, export. */
    public ToolsViewModel tools() {
        return tools;
    }

    /** The report pane's state. */
    public ReportViewModel report() {
        return report;
    }

    public Texts texts() {
        return texts;
    }

    public ImagingService service() {
        return service;
    }

    /** The patient context on screen; null when none. */
    public ReadOnlyObjectProperty<LaunchContext> currentProperty() {
        return current.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closePatient();
    }
}
