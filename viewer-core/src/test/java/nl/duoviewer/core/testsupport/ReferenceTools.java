package nl.duoviewer.core.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference tools (dcmtk: dcmdump, dcmdrle, dcmdjpeg, dcmdjpls, dcmcjpls; gdcm: gdcmconv, gdcmraw) for tests.
 * A missing tool skips the test with the reason, or fails it when CI=true (apt packages dcmtk, libgdcm-tools,
 * openjph-tools).
 */
public final class ReferenceTools {
    private ReferenceTools() {
    }

    /** Ensures the tool is on PATH (skip, or fail when CI=true, naming the Debian package otherwise). */
    public static void require(String tool) {
        if (!available(tool)) {
            ExternalTool.require(tool, debianPackage(tool));
        }
    }

    /** The Debian package that ships a reference tool. */
    static String debianPackage(String tool) {
        if (tool.startsWith("gdcm")) {
            return "libgdcm-tools";
        }
        if (tool.startsWith("ojph_")) {
            return "openjph-tools";
        }
        return "dcmtk";
    }

    public static boolean available(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command (at most 120 s), returning stdout; throws with stderr when it fails. */
    public static String run(String... command) throws IOException, InterruptedException {
        require(command[0]);
        Path err = Files.createTempFile("reftool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timeout: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IOException("exit " + p.exitValue() + ": " + String.join(" ", command) + "\n"
                        + Files.readString(err));
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Runs the command and reports whether it succeeded (no exception on failure). */
    public static boolean tryRun(String... command) throws InterruptedException {
        try {
            run(command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The raw value of (7FE0,0010) of an uncompressed file, little-endian (gdcmraw swaps big endian). */
    public static byte[] rawPixelData(Path dicom, Path workDir) throws IOException, InterruptedException {
        Path out = workDir.resolve(dicom.getFileName() + ".raw");
        run("gdcmraw", "-t", "7fe0,0010", "-i", dicom.toString(), "-o", out.toString());
        return Files.readAllBytes(out);
    }

    /** Command lines that decompress {@code in} into {@code out} with each available reference decoder. */
    public static List<List<String>> decompressCommands(String transferSyntaxUid, Path in, Path out) {
        List<List<String>> cmds = new ArrayList<>();
        String dcmtk = switch (transferSyntaxUid) {
            case "1.2.840.10008.1.2.5" -> "dcmdrle";
            case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                 "1.2.840.10008.1.2.4.70" -> "dcmdjpeg";
            case "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81" -> "dcmdjpls";
            default -> null;
        };
        if (dcmtk != null) {
            cmds.add(List.of(dcmtk, in.toString(), out.toString()));
        }
        cmds.add(List.of("gdcmconv", "--raw", in.toString(), out.toString()));
        return cmds;
    }
}
