package nl.duoviewer.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.archfixture.ControlTouchingViewModel;
import nl.duoviewer.app.archfixture.HelperCallingViewModel;
import nl.duoviewer.core.archfixture.CoreClassThatReachesIntoTheUi;
import nl.duoviewer.launch.smart.archfixture.SmartClassThatReachesIntoTheApp;
import nl.duoviewer.report.archfixture.ReportClassThatDrawsItself;

/**
 * The module layering, enforced on the compiled classes of every module (the app sees them all): viewer-core knows
 * nothing of the network client, the embedded network, the app or JavaFX; the client knows nothing of the network,
 * app or JavaFX; the embedded network knows nothing of the app or JavaFX. The SMART client (ehr-launch) knows
 * nothing of the app, JavaFX, the DUO client or the EHR sandbox; the sandbox nothing of the app or the client; and the
 * app starts the sandbox, like the embedded network, in one class only. The reports module knows only viewer-core,
 * and only the app knows it. Inside the app, view models never reach a control (javafx.scene), directly or through
 * what they call.
 */
class ArchitectureTest {

    static final ArchRule CORE_STANDS_ALONE = noClasses().that().resideInAPackage("nl.duoviewer.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "nl.duoviewer.xca..", "nl.duoviewer.network..", "nl.duoviewer.app..", "javafx..")
            .because("viewer-core is the model and codec layer under everything");

    static final ArchRule CLIENT_BELOW_NETWORK_AND_APP = noClasses().that().resideInAPackage("nl.duoviewer.xca..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "nl.duoviewer.network..", "nl.duoviewer.app..", "javafx..")
            .because("the DUO client must work without the embedded network and without a UI")
            .allowEmptyShould(true);

    static final ArchRule NETWORK_BELOW_APP = noClasses().that().resideInAPackage("nl.duoviewer.network..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.duoviewer.app..", "javafx..")
            .because("the embedded network is a server side and must never reach into the app")
            .allowEmptyShould(true);

    static final ArchRule APP_STARTS_THE_NETWORK_IN_ONE_PLACE = noClasses().that()
            .resideInAPackage("nl.duoviewer.app..")
            .and().doNotHaveFullyQualifiedName("nl.duoviewer.app.network.EmbeddedDemoNetwork")
            .should().dependOnClassesThat().resideInAPackage("nl.duoviewer.network..")
            .because("the app talks to any DUO network through the client; only the class that starts the embedded "
                    + "one may know it exists");

    static final ArchRule SMART_CLIENT_STANDS_ALONE = noClasses().that()
            .resideInAPackage("nl.duoviewer.launch.smart..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.duoviewer.app..", "javafx..",
                    "nl.duoviewer.network..", "nl.duoviewer.ehr..", "nl.duoviewer.xca..")
            .because("the SMART client runs without a UI, and works against any EHR, not only the sandbox");

    static final ArchRule SANDBOX_BELOW_APP = noClasses().that().resideInAPackage("nl.duoviewer.ehr..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.duoviewer.app..", "javafx..",
                    "nl.duoviewer.launch.smart..")
            .because("the EHR sandbox is a server side, written apart from the client it tests");

    static final ArchRule APP_STARTS_THE_EHR_SANDBOX_IN_ONE_PLACE = noClasses().that()
            .resideInAPackage("nl.duoviewer.app..")
            .and().doNotHaveFullyQualifiedName("nl.duoviewer.app.network.EmbeddedDemoNetwork")
            .should().dependOnClassesThat().resideInAPackage("nl.duoviewer.ehr..")
            .because("the app launches from any EHR through the SMART client; only the demo starter knows the sandbox");

    /** The app's view models: {@code *ViewModel}, and the workspace, which holds only view models. */
    static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe("view models",
            c -> c.getPackageName().startsWith("nl.duoviewer.app") && (c.getSimpleName().endsWith("ViewModel")
                    || c.getFullName().equals("nl.duoviewer.app.workspace.Workspace")));

    /**
     * Reaches a control directly or through the product's own classes it uses (followed transitively). JavaFX's own
     * internals are not followed: {@code Platform.isFxApplicationThread} is not a control, though JavaFX's
     * implementation of it reaches {@code javafx.scene}.
     */
    static final ArchCondition<JavaClass> REACH_NO_CONTROL = new ArchCondition<>(
            "reach no control (javafx.scene), directly or through the product's classes they use") {
        @Override
        public void check(JavaClass start, ConditionEvents events) {
            java.util.Deque<JavaClass> todo = new java.util.ArrayDeque<>(List.of(start));
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                JavaClass c = todo.pop();
                if (!seen.add(c.getName())) {
                    continue;
                }
                for (var d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (target.getPackageName().startsWith("javafx.scene")) {
                        events.add(SimpleConditionEvent.violated(start, start.getName() + " reaches "
                                + target.getName() + " through " + c.getName() + ": " + d.getDescription()));
                    } else if (target.getPackageName().startsWith("nl.duoviewer")) {
                        todo.push(target);
                    }
                }
            }
        }
    };

    static final ArchRule VIEW_MODELS_TOUCH_NO_CONTROLS = classes().that(VIEW_MODELS)
            .should(REACH_NO_CONTROL)
            .because("a view model holds UI state as properties and is tested without JavaFX; only views build, "
                    + "bind and read controls (JabRef's MVVM rule)");

    /** The reports module reads documents into a model the app draws: viewer-core below it, nothing else. */
    static final ArchRule REPORTS_DEPEND_ON_CORE_ONLY = noClasses().that().resideInAPackage("nl.duoviewer.report..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "nl.duoviewer.xca..", "nl.duoviewer.network..", "nl.duoviewer.app..", "javafx..")
            .because("report reading and PDF rendering must work without a UI or a network (decision 17)");

    /** Only the app uses the reports module; the layers below it do not know it exists. */
    static final ArchRule ONLY_THE_APP_READS_REPORTS = noClasses().that().resideInAnyPackage(
                    "nl.duoviewer.core..", "nl.duoviewer.xca..", "nl.duoviewer.network..")
            .should().dependOnClassesThat().resideInAPackage("nl.duoviewer.report..")
            .because("reports sit beside the client, above viewer-core: app -> reports -> viewer-core");

    private static final JavaClasses PRODUCTION = ProductionClasses.ALL;

    @Test
    void coreDependsOnNothingAboveIt() {
        assertTrue(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith("nl.duoviewer.core")),
                "viewer-core classes must be on the class path for this rule to mean anything");
        CORE_STANDS_ALONE.check(PRODUCTION);
    }

    @Test
    void clientDependsOnNeitherNetworkNorApp() {
        CLIENT_BELOW_NETWORK_AND_APP.check(PRODUCTION);
    }

    @Test
    void networkDependsOnNeitherAppNorJavaFx() {
        NETWORK_BELOW_APP.check(PRODUCTION);
    }

    @Test
    void onlyOneAppClassStartsTheEmbeddedNetwork() {
        assertTrue(PRODUCTION.get("nl.duoviewer.app.network.EmbeddedDemoNetwork").getDirectDependenciesFromSelf()
                .stream().anyMatch(d -> d.getTargetClass().getPackageName().startsWith("nl.duoviewer.network")),
                "the starter does use the network module, so the rule below is not empty");
        APP_STARTS_THE_NETWORK_IN_ONE_PLACE.check(PRODUCTION);
    }

    @Test
    void theSmartClientKnowsNeitherAppNorUiNorSandbox() {
        assertTrue(PRODUCTION.contain("nl.duoviewer.launch.smart.SmartLaunchClient"),
                "the SMART client must be on the class path for this rule to mean anything");
        SMART_CLIENT_STANDS_ALONE.check(PRODUCTION);
    }

    @Test
    void theSandboxKnowsNeitherAppNorClient() {
        assertTrue(PRODUCTION.contain("nl.duoviewer.ehr.sandbox.EhrSandbox"));
        SANDBOX_BELOW_APP.check(PRODUCTION);
    }

    @Test
    void onlyOneAppClassStartsTheEhrSandbox() {
        assertTrue(PRODUCTION.get("nl.duoviewer.app.network.EmbeddedDemoNetwork").getDirectDependenciesFromSelf()
                .stream().anyMatch(d -> d.getTargetClass().getPackageName().startsWith("nl.duoviewer.ehr")),
                "the starter does use the sandbox, so the rule below is not empty");
        APP_STARTS_THE_EHR_SANDBOX_IN_ONE_PLACE.check(PRODUCTION);
    }

    @Test
    void theSmartRuleCatchesAClientClassThatUsesJavaFxOrTheApp() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SmartClassThatReachesIntoTheApp.class);
        EvaluationResult result = SMART_CLIENT_STANDS_ALONE.evaluate(fixture);
        assertTrue(result.hasViolation(), "the rule must fail on the violating fixture");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("javafx.scene.control.Label"), report);
        assertTrue(report.contains("nl.duoviewer.app.launch.LaunchSource"), report);
    }

    @Test
    void viewModelsTouchNoControlsNotEvenThroughTheirHelpers() {
        List<String> viewModels = PRODUCTION.stream().filter(VIEW_MODELS).map(JavaClass::getSimpleName).sorted()
                .toList();
        assertTrue(viewModels.containsAll(List.of("PatientBannerViewModel", "ReportViewModel", "StudyViewModel",
                "TimelineViewModel", "ViewerLayoutViewModel", "ViewportViewModel", "Workspace")), viewModels::toString);
        VIEW_MODELS_TOUCH_NO_CONTROLS.check(PRODUCTION);
    }

    @Test
    void theViewModelRuleCatchesAControlInAViewModelAndInAHelperItCalls() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ControlTouchingViewModel.class,
                HelperCallingViewModel.class, HelperCallingViewModel.NodeFactory.class);
        EvaluationResult result = VIEW_MODELS_TOUCH_NO_CONTROLS.evaluate(fixture);
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("ControlTouchingViewModel") && report.contains("javafx.scene.control.Label"),
                report);
        assertTrue(report.contains("HelperCallingViewModel") && report.contains("javafx.scene.text.Text"),
                report);
    }

    @Test
    void reportsDependOnViewerCoreOnlyAndOnlyTheAppUsesThem() {
        assertTrue(PRODUCTION.contain("nl.duoviewer.report.ReportReader"),
                "the reports module must be on the class path for these rules to mean anything");
        assertTrue(PRODUCTION.get("nl.duoviewer.app.network.ReportRetrieval").getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().equals("nl.duoviewer.report")),
                "the app does use the reports module");
        REPORTS_DEPEND_ON_CORE_ONLY.check(PRODUCTION);
        ONLY_THE_APP_READS_REPORTS.check(PRODUCTION);
    }

    @Test
    void theReportsRuleCatchesAReportClassThatUsesJavaFxOrTheClient() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReportClassThatDrawsItself.class);
        EvaluationResult result = REPORTS_DEPEND_ON_CORE_ONLY.evaluate(fixture);
        assertTrue(result.hasViolation(), "the rule must fail on the violating fixture");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("javafx.scene.image.WritableImage"), report);
        assertTrue(report.contains("nl.duoviewer.xca.consent.ConsentDeniedException"), report);
        assertFalse(PRODUCTION.contain(ReportClassThatDrawsItself.class), "fixtures are not production classes");
    }

    @Test
    void theAppClassesAreImportedToo() {
        assertTrue(PRODUCTION.contain("nl.duoviewer.app.Main"));
        assertFalse(PRODUCTION.contain(CoreClassThatReachesIntoTheUi.class),
                "test fixtures are not part of the production rules");
    }

    @Test
    void theCoreRuleCatchesACoreClassThatUsesJavaFxOrTheApp() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CoreClassThatReachesIntoTheUi.class);
        EvaluationResult result = CORE_STANDS_ALONE.evaluate(fixture);
        assertTrue(result.hasViolation(), "the rule must fail on the violating fixture");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("javafx.scene.control.Label"), report);
        assertTrue(report.contains("nl.duoviewer.app.launch.LaunchSource"), report);
    }
}
