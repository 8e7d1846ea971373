package nl.duoviewer.app.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

import nl.duoviewer.xca.archfixture.ClientClassThatPrintsAndExits;
import nl.duoviewer.xca.archfixture.ClientClassThatWritesFiles;

/**
 * APIs a code change must not bring in where they do harm:
 * <ul>
 *   <li><b>Writing files from the network client.</b> xca-client handles everything retrieved for a patient (query
 *       answers, KOS manifests, instances); nothing of a patient may reach the disk except the audit trail (decision
 *       record 8). Allowed: {@code DuoConfigFile}, which writes
 *       a client configuration (endpoints and key references, no patient data) for {@code ./run-network}. Reading
 *       files (configuration, keystores) stays allowed; {@code FileChannel.open} is banned with the writers because
 *       it opens files for writing as easily as for reading.</li>
 *   <li><b>System.out and System.err outside the entry points.</b> A library printing mixes its words into the
 *       output of whatever embeds it (dicomcheck's report, the viewer's console); code logs through
 *       {@code System.Logger}. Allowed: the three command-line entry points.</li>
 *   <li><b>System.exit outside the entry points.</b> A library that exits takes the viewer, and the patient on
 *       screen, down with it.</li>
 *   <li><b>java.util.logging outside the launchers.</b> Its configuration is process-wide, so only the code that
 *       starts a process may set it up (the app's {@code ConsoleLogging}, the standalone network's main); everything
 *       else logs through {@code System.Logger} and leaves the backend to them.</li>
 * </ul>
 */
class BannedApiRulesTest {

    /** The command-line entry points: the viewer, the standalone embedded network, dicomcheck. */
    static final Set<String> ENTRY_POINTS = Set.of("nl.duoviewer.app.Main", "nl.duoviewer.network.DuoNetworkMain",
            "nl.duoviewer.core.tools.DicomCheck");

    /**
     * The entry points, and the JavaFX application {@code Main} starts, which prints where the demo EHR of
     * {@code --demo-ehr} runs: the console a user started the viewer from.
     */
    static final Set<String> CONSOLE_OWNERS = Set.of("nl.duoviewer.app.Main", "nl.duoviewer.network.DuoNetworkMain",
            "nl.duoviewer.core.tools.DicomCheck", "nl.duoviewer.app.DuoViewerApp");

    /**
     * The classes that start a process and so set up its logging, and the SMART client, which switches off for good
     * the HTTP header loggers that would print a bearer token (a security control, decision record 23).
     */
    static final Set<String> LAUNCHERS = Set.of("nl.duoviewer.app.launch.ConsoleLogging",
            "nl.duoviewer.network.DuoNetworkMain", "nl.duoviewer.launch.smart.SmartLaunchClient");

    private static final Set<String> FILES_THAT_WRITE = Set.of("write", "writeString", "newOutputStream",
            "newBufferedWriter", "newByteChannel", "createFile", "createTempFile", "createTempDirectory",
            "createDirectory", "createDirectories", "copy", "move", "createLink", "createSymbolicLink");

    static final ArchRule CLIENT_WRITES_NO_FILES = noClasses().that().resideInAPackage("nl.duoviewer.xca..")
            .and().doNotHaveFullyQualifiedName("nl.duoviewer.xca.config.DuoConfigFile")
            .should().callMethodWhere(describe("a java.nio.file.Files method that writes", (JavaCall<?> call) ->
                    call.getTargetOwner().isEquivalentTo(Files.class) && FILES_THAT_WRITE.contains(call.getName())))
            .orShould().callMethodWhere(describe("File.createTempFile", (JavaCall<?> call) ->
                    call.getTargetOwner().isEquivalentTo(File.class) && call.getName().equals("createTempFile")))
            .orShould().dependOnClassesThat().belongToAnyOf(FileOutputStream.class, FileWriter.class,
                    RandomAccessFile.class, FileChannel.class, AsynchronousFileChannel.class)
            .because("nothing of a patient may reach the disk except the audit trail (decision record 8)");

    static final ArchRule CONSOLE_ONLY_IN_ENTRY_POINTS = noClasses().that(
                    describe("are not an entry point", c -> !CONSOLE_OWNERS.contains(c.getName())))
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("libraries log through System.Logger; only a command-line entry point owns the console");

    static final ArchRule EXIT_ONLY_IN_ENTRY_POINTS = noClasses().that(
                    describe("are not an entry point", c -> !ENTRY_POINTS.contains(c.getName())))
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class)
            .because("a library that exits takes the viewer and the patient on screen down with it");

    static final ArchRule JUL_ONLY_IN_LAUNCHERS = noClasses().that(
                    describe("are not a launcher", c -> !LAUNCHERS.contains(c.getName())))
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("java.util.logging is configured process-wide, by whatever starts the process; code logs "
                    + "through System.Logger");

    @Test
    void theClientWritesNoFiles() {
        assertTrue(ProductionClasses.ALL.contain("nl.duoviewer.xca.config.DuoConfigFile"));
        CLIENT_WRITES_NO_FILES.check(ProductionClasses.ALL);
    }

    @Test
    void theWriteRuleCatchesFilesWriteFileOutputStreamAndTempFiles() {
        EvaluationResult result = CLIENT_WRITES_NO_FILES.evaluate(
                ProductionClasses.fixtures(ClientClassThatWritesFiles.class));
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("Files.write"), report);
        assertTrue(report.contains("java.io.FileOutputStream"), report);
        assertTrue(report.contains("File.createTempFile"), report);
    }

    @Test
    void onlyEntryPointsUseTheConsoleOrExit() {
        for (String entryPoint : ENTRY_POINTS) {
            assertTrue(ProductionClasses.ALL.contain(entryPoint), entryPoint + " is still the entry point");
        }
        CONSOLE_ONLY_IN_ENTRY_POINTS.check(ProductionClasses.ALL);
        EXIT_ONLY_IN_ENTRY_POINTS.check(ProductionClasses.ALL);
    }

    @Test
    void onlyLaunchersUseJavaUtilLogging() {
        JUL_ONLY_IN_LAUNCHERS.check(ProductionClasses.ALL);
    }

    @Test
    void theConsoleExitAndLoggingRulesCatchALibraryThatPrintsExitsAndConfiguresJul() {
        var fixture = ProductionClasses.fixtures(ClientClassThatPrintsAndExits.class);
        String console = CONSOLE_ONLY_IN_ENTRY_POINTS.evaluate(fixture).getFailureReport().toString();
        assertTrue(console.contains("System.err"), console);
        String exit = EXIT_ONLY_IN_ENTRY_POINTS.evaluate(fixture).getFailureReport().toString();
        assertTrue(exit.contains("System.exit"), exit);
        String jul = JUL_ONLY_IN_LAUNCHERS.evaluate(fixture).getFailureReport().toString();
        assertTrue(jul.contains("java.util.logging.Logger"), jul);
    }
}
