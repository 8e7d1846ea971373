package nl.duoviewer.bench.scroll;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

import nl.duoviewer.app.Styles;
import nl.duoviewer.app.concurrency.BackgroundExecutor;
import nl.duoviewer.app.concurrency.FxThread;
import nl.duoviewer.app.i18n.Texts;
import nl.duoviewer.app.launch.LaunchContext;
import nl.duoviewer.app.launch.LaunchSource;
import nl.duoviewer.app.viewer.ImageViewport;
import nl.duoviewer.app.viewer.StudyViewModel;
import nl.duoviewer.app.viewer.ViewportViewModel;
import nl.duoviewer.app.workspace.Workspace;
import nl.duoviewer.app.workspace.WorkspaceView;
import nl.duoviewer.bench.e2e.Args;
import nl.duoviewer.core.pixel.DecodedFrame;
import nl.duoviewer.core.pixel.FramePipeline;
import nl.duoviewer.core.pixel.WindowLevel;

/**
 * Scrolling with window/level on a decoded 512 x 512 16-bit CT stack, measured from JavaFX pulses in the real main
 * window ({@link WorkspaceView} on a {@link Workspace}, the study opened from its timeline as a user would): once every
 * slice is decoded, each pulse delivers one wheel step and one right-button drag step to the image (so every frame
 * shown has a new slice and a new window: a new lookup table, a full re-render and a texture upload), first a warm-up,
 * then the measured steps, bouncing between the ends of the stack.
 *
 * <p>Measured per pulse: the pulse's start ({@link AnimationTimer} time stamps, which are the pulses') and the JavaFX
 * thread's work in it (from the animation phase, where the input is handled and the frame rendered into its buffer,
 * to the end of CSS and layout, a post-layout pulse listener). The interval between pulses includes the wait for the
 * previous frame's rendering, so it is the frame time the user sees. Reported: achieved frames per second, the
 * distributions of both, late frames (an interval over one 60 Hz slot), dropped frames (slots without a new frame: an
 * interval of k slots drops k-1), pulses whose own work exceeds a slot, and CPU time per frame of the JavaFX thread,
 * the render thread and the process.
 *
 * <pre>ScrollBenchmark [--slices N] [--warmup STEPS] [--steps STEPS] [--out FILE.tsv]</pre>
 * Run through {@code benchmarks/scroll.sh}, which starts it like {@code ./run} starts the viewer (JavaFX on the module
 * path, a real window; on a virtual X display when there is none).
 */
public final class ScrollBenchmark {

    static final double SLOT_MS = 1000.0 / 60;
    /** A pulse timer fires within a few percent of its period; later than that, the frame is late. */
    static final double LATE_TOLERANCE = 1.05;

    private final int slices;
    private final int warmupSteps;
    private final int steps;
    private final long[] pulseStart;
    private final long[] workEnd;
    private int step = -1; // -1: not started; counts warm-up steps first
    private int direction = 1;
    private double dragX = 200;
    private long currentPulse;
    private CompletableFuture<Void> finished;
    private CpuSample cpuAtStart;
    private CpuSample cpuAtEnd;

    private ScrollBenchmark(int slices, int warmupSteps, int steps) {
        this.slices = slices;
        this.warmupSteps = warmupSteps;
        this.steps = steps;
        this.pulseStart = new long[steps];
        this.workEnd = new long[steps];
    }

    public static void main(String[] raw) throws Exception {
        Args a = Args.parse(raw);
        int slices = a.intValue("slices", 256);
        int warmup = a.intValue("warmup", 300);
        int steps = a.intValue("steps", 300);
        if (slices < 16 || slices > 1000 || warmup < 0 || warmup > 10_000 || steps < 10 || steps > 100_000) {
            throw new IllegalArgumentException("--slices 16..1000, --warmup 0..10000, --steps 10..100000");
        }
        Path out = Path.of(a.get("out", "benchmarks/target/scroll/scroll.tsv"));
        ScrollBenchmark b = new ScrollBenchmark(slices, warmup, steps);
        Result r = b.run();
        System.out.println(r.summary());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, r.tsv(), StandardCharsets.UTF_8);
        System.out.println("per-pulse times: " + out);
        Platform.exit();
        System.exit(0);
    }

    private Result run() throws Exception {
        long t0 = System.nanoTime();
        List<DecodedFrame> stack;
        try (FramePipeline pipeline = FramePipeline.perCore()) {
            stack = CtStack.decode(slices, pipeline);
        }
        double decodeSeconds = (System.nanoTime() - t0) / 1e9;

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);

        StackService service = new StackService(stack);
        BackgroundExecutor background = new BackgroundExecutor("bench-io", 2);
        CompletableFuture<Window> shown = new CompletableFuture<>();
        Platform.runLater(() -> shown.complete(showWindow(service, background)));
        Window w = shown.get(60, TimeUnit.SECONDS);
        awaitFx("the study opened from the timeline", () -> {
            var entry = w.workspace.timeline().find(CtStack.STUDY);
            if (entry != null && w.workspace.timeline().selectedProperty().get() == null) {
                w.workspace.timeline().selectedProperty().set(entry);
            }
            StudyViewModel s = w.workspace.viewer().study();
            return s != null && s.loadState() == StudyViewModel.LoadState.COMPLETE;
        });
        int held = callFx(() -> w.workspace.viewer().activeViewport().framesInSeries());
        if (held != slices) {
            throw new IllegalStateException(held + " of " + slices + " slices held by the viewer");
        }

        finished = new CompletableFuture<>();
        Platform.runLater(() -> drive(w));
        finished.get(10, TimeUnit.MINUTES);
        WindowLevel lastWindow = callFx(() -> w.workspace.viewer().activeViewport().currentWindow());
        callFx(() -> {
            w.workspace.close();
            w.stage.close();
            return null;
        });
        background.close();
        return new Result(slices, warmupSteps, steps, decodeSeconds, pulseStart, workEnd, lastWindow,
                cpuAtEnd.minus(cpuAtStart));
    }

    private record Window(Stage stage, Workspace workspace, WorkspaceView view) {
    }

    private Window showWindow(StackService service, BackgroundExecutor background) {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        Workspace workspace = new Workspace(service, texts, FxThread.EXECUTOR, background);
        WorkspaceView view = new WorkspaceView(workspace);
        view.setNetworkDescription(service.networkDescription());
        Scene scene = new Scene(view, 1400, 900); // what ./run opens on a 1600 x 1000 screen or larger
        Styles.apply(scene); // as DuoViewerApp does
        Stage stage = new Stage();
        stage.setTitle("DUO Viewer scroll benchmark");
        stage.setScene(scene);
        stage.show();
        workspace.open(LaunchContext.of(CtStack.PATIENT, LaunchSource.COMMAND_LINE));
        return new Window(stage, workspace, view);
    }

    /** One wheel step and one window drag per pulse, through the image control's own event handlers. */
    private void drive(Window w) {
        ImageViewport image = w.view.viewer().imageViewport();
        ViewportViewModel viewport = w.workspace.viewer().activeViewport();
        Scene scene = w.stage.getScene();
        scene.addPostLayoutPulseListener(() -> {
            int k = step - warmupSteps;
            if (k >= 0 && k < steps && workEnd[k] == 0) {
                workEnd[k] = System.nanoTime();
            }
        });
        fire(image, MouseEvent.MOUSE_PRESSED, dragX, 300);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                currentPulse = System.nanoTime();
                step++;
                int k = step - warmupSteps;
                if (k == 0) {
                    cpuAtStart = CpuSample.now();
                }
                if (k >= steps) {
                    cpuAtEnd = CpuSample.now();
                    stop();
                    fire(image, MouseEvent.MOUSE_RELEASED, dragX, 300);
                    finished.complete(null);
                    return;
                }
                if (k >= 0) {
                    pulseStart[k] = currentPulse;
                }
                int at = viewport.frameIndex();
                if (at + direction < 0 || at + direction >= viewport.framesInSeries()) {
                    direction = -direction;
                }
                // a wheel step: towards the user (negative delta) is the next slice
                Event.fireEvent(image, new ScrollEvent(ScrollEvent.SCROLL, 300, 300, 300, 300, false, false, false,
                        false, false, false, 0, -40.0 * direction, 0, -40.0 * direction,
                        ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0,
                        0, null));
                // and a window drag: width up and down by a few pixels' worth, so every frame has a new window
                dragX += (step / 20) % 2 == 0 ? 3 : -3;
                fire(image, MouseEvent.MOUSE_DRAGGED, dragX, 300);
            }
        }.start();
    }

    private static void fire(ImageViewport target, javafx.event.EventType<MouseEvent> type, double x, double y) {
        Event.fireEvent(target, new MouseEvent(type, x, y, x, y, MouseButton.SECONDARY,
                type == MouseEvent.MOUSE_DRAGGED ? 0 : 1, false, false, false, false, false, false,
                type != MouseEvent.MOUSE_RELEASED, false, false, false, null));
    }

    private static <T> T callFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void awaitFx(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (callFx(condition)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out waiting until " + what);
    }

    /** CPU time so far of the JavaFX thread, the Prism render thread and the whole process. */
    record CpuSample(long fxNanos, long renderNanos, long processNanos) {

        static CpuSample now() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long fx = 0;
            long render = 0;
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                long cpu = Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                if (t.getThreadName().equals("JavaFX Application Thread")) {
                    fx += cpu;
                } else if (t.getThreadName().startsWith("QuantumRenderer")) {
                    render += cpu;
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new CpuSample(fx, render, process);
        }

        CpuSample minus(CpuSample before) {
            return new CpuSample(fxNanos - before.fxNanos, renderNanos - before.renderNanos,
                    processNanos - before.processNanos);
        }
    }

    /** The measured pulses and what they say. */
    record Result(int slices, int warmup, int steps, double decodeSeconds, long[] pulseStart, long[] workEnd,
                  WindowLevel lastWindow, CpuSample cpu) {

        double[] intervalsMs() {
            double[] d = new double[steps - 1];
            for (int i = 1; i < steps; i++) {
                d[i - 1] = (pulseStart[i] - pulseStart[i - 1]) / 1e6;
            }
            return d;
        }

        double[] workMs() {
            double[] d = new double[steps];
            for (int i = 0; i < steps; i++) {
                d[i] = workEnd[i] == 0 ? Double.NaN : (workEnd[i] - pulseStart[i]) / 1e6;
            }
            return d;
        }

        String summary() {
            double[] iv = intervalsMs();
            double[] work = workMs();
            double seconds = (pulseStart[steps - 1] - pulseStart[0]) / 1e9;
            double fps = (steps - 1) / seconds;
            long dropped = 0;
            long lateIntervals = 0;
            long late = 0;
            for (double d : iv) {
                long slots = Math.max(1, Math.round(d / SLOT_MS));
                dropped += slots - 1;
                if (slots > 1) {
                    lateIntervals++;
                }
                if (d > SLOT_MS * LATE_TOLERANCE) {
                    late++;
                }
            }
            long slowPulses = Arrays.stream(work).filter(d -> d > SLOT_MS).count();
            return String.format(Locale.ROOT, """
                    scroll benchmark: %d slices 512x512 16-bit, decoded in %.1f s; %d warm-up steps, %d measured \
                    steps (one wheel step + one window drag per pulse)
                      achieved: %.1f frames per second (%d frames in %.2f s; target 60)
                      frame interval ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f
                      JavaFX thread work per pulse ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f
                      late frames (interval over 16.7 ms + 5%% timer jitter): %d of %d; dropped frames (60 Hz slots \
                    without a new frame): %d, in %d intervals; pulses whose own work exceeded 16.7 ms: %d
                      CPU per frame ms: JavaFX thread %.2f, Prism render thread %.2f, whole process %.2f \
                    (the rest: GC, decoder and native rasteriser threads)
                      last window: %s""", slices, decodeSeconds, warmup, steps, fps, steps, seconds,
                    pct(iv, 50), pct(iv, 90), pct(iv, 99), pct(iv, 100), pct(work, 50), pct(work, 90),
                    pct(work, 99), pct(work, 100), late, iv.length, dropped, lateIntervals, slowPulses,
                    cpu.fxNanos() / 1e6 / steps, cpu.renderNanos() / 1e6 / steps, cpu.processNanos() / 1e6 / steps,
                    lastWindow);
        }

        String tsv() {
            StringBuilder sb = new StringBuilder("step\tpulse_start_ms\tinterval_ms\twork_ms\n");
            double[] work = workMs();
            for (int i = 0; i < steps; i++) {
                sb.append(i).append('\t')
                        .append(String.format(Locale.ROOT, "%.3f", (pulseStart[i] - pulseStart[0]) / 1e6))
                        .append('\t')
                        .append(i == 0 ? "" : String.format(Locale.ROOT, "%.3f",
                                (pulseStart[i] - pulseStart[i - 1]) / 1e6))
                        .append('\t').append(String.format(Locale.ROOT, "%.3f", work[i])).append('\n');
            }
            return sb.toString();
        }

        static double pct(double[] values, int p) {
            double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
            return v[Math.max(0, Math.min(v.length - 1, i))];
        }
    }
}
