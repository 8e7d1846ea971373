package nl.duoviewer.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

import nl.duoviewer.audit.archfixture.AuditClassThatReachesIntoTheClient;

/**
 * The audit module's place: it stands on its own (IPF's audit library and the JDK; no viewer module, no JavaFX), and
 * only the app uses it, adapting the DUO client's audit events into it. So the dependencies stay one way:
 * {@code app -> audit} beside {@code app -> xca-client -> viewer-core}.
 */
class AuditArchitectureTest {

    static final ArchRule AUDIT_STANDS_APART = noClasses().that().resideInAPackage("nl.duoviewer.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.duoviewer.core..", "nl.duoviewer.xca..",
                    "nl.duoviewer.network..", "nl.duoviewer.app..", "javafx..")
            .because("the audit trail is a capability of its own; the app adapts the client's events into it");

    static final ArchRule ONLY_THE_APP_USES_THE_AUDIT_MODULE = noClasses().that().resideInAnyPackage(
                    "nl.duoviewer.core..", "nl.duoviewer.xca..", "nl.duoviewer.network..")
            .should().dependOnClassesThat().resideInAPackage("nl.duoviewer.audit..")
            .because("the client reports through its AuditSink seam; only the app knows where events are kept");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.duoviewer");

    @Test
    void theAuditModuleDependsOnNoViewerModuleAndNoJavaFx() {
        assertTrue(PRODUCTION.contain("nl.duoviewer.audit.AuditTrail"),
                "the audit classes must be on the class path for this rule to mean anything");
        AUDIT_STANDS_APART.check(PRODUCTION);
    }

    @Test
    void onlyTheAppUsesTheAuditModule() {
        assertTrue(PRODUCTION.get("nl.duoviewer.app.audit.WorkstationAudit").getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("nl.duoviewer.audit")),
                "the app does use the audit module, so the rule below is not empty");
        ONLY_THE_APP_USES_THE_AUDIT_MODULE.check(PRODUCTION);
    }

    @Test
    void theRuleCatchesAnAuditClassThatUsesTheClient() {
        JavaClasses fixture = new ClassFileImporter().importClasses(AuditClassThatReachesIntoTheClient.class);
        EvaluationResult result = AUDIT_STANDS_APART.evaluate(fixture);
        assertTrue(result.hasViolation(), "the rule must fail on the violating fixture");
        assertTrue(result.getFailureReport().toString().contains("nl.duoviewer.xca.audit.AuditEvent"),
                result.getFailureReport().toString());
    }
}
