package nl.duoviewer.core.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A reference tool (dcmtk, gdcm) a test compares against. Missing tools skip the test with the reason, except in CI
 * ({@code CI=true}) where they fail it: CI installs them through scripts/install-test-tools.sh.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** Returns the tool's path or skips/fails the calling test. */
    public static Path require(String name, String debianPackage) {
        return require(name, debianPackage, List.of());
    }

    /**
     * Like {@link #require(String, String)}, also looking in {@code moreDirs}: daemons such as Orthanc live in
     * /usr/sbin, which an ordinary user's PATH leaves out.
     */
    public static Path require(String name, String debianPackage, List<Path> moreDirs) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            dirs.add(Path.of(dir));
        }
        dirs.addAll(moreDirs);
        for (Path dir : dirs) {
            Path p = dir.resolve(name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        unavailable(name + " not found (install the Debian package " + debianPackage
                + ", e.g. with scripts/install-test-tools.sh)");
        return null;
    }

    /** Returns a file a tool needs (a plugin, say) or skips/fails the calling test like a missing tool. */
    public static Path requireFile(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            unavailable(file + " not found (install the Debian package " + debianPackage
                    + ", e.g. with scripts/install-test-tools.sh)");
        }
        return file;
    }

    /** Skips the calling test with the reason, or fails it when CI=true (CI installs every tool). */
    public static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: required)");
        }
        Assumptions.abort(why);
    }

    /** Runs a command with a timeout; returns its combined output. Fails the test on a non-zero exit. */
    public static String run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Result r = tryRun(timeoutSeconds, command);
        if (r.exitCode() != 0) {
            Assertions.fail(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.output());
        }
        return r.output();
    }

    /** The outcome of a command. */
    public record Result(int exitCode, String output) {
    }

    public static Result tryRun(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out));
    }
}
