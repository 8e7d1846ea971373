package nl.duoviewer.app.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

/**
 * No package depends on itself through others, in any module: every package of {@code nl.duoviewer} is a slice of
 * its own (so {@code core.codec} and {@code core.codec.jpeg} are two), and a cycle between any of them fails. A
 * package cycle makes two packages one unit that can only be understood, tested and changed together.
 */
class PackageCycleRulesTest {

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("nl.duoviewer.(**)")
            .should().beFreeOfCycles()
            .because("packages depend one way, so each can be read and changed on its own");

    @Test
    void theImportHoldsEveryModuleAndNoTestClasses() {
        for (String c : new String[] {"nl.duoviewer.core.codec.FrameDecoders", "nl.duoviewer.xca.DuoClient",
                "nl.duoviewer.network.EmbeddedDuoNetwork", "nl.duoviewer.app.Main"}) {
            assertTrue(ProductionClasses.ALL.contain(c), c);
        }
        assertFalse(ProductionClasses.ALL.contain("nl.duoviewer.core.testsupport.Corpus"), "viewer-core's test jar");
        assertFalse(ProductionClasses.ALL.contain("nl.duoviewer.app.arch.PackageCycleRulesTest"), "app's tests");
    }

    @Test
    void noModuleHasAPackageCycle() {
        NO_PACKAGE_CYCLES.check(ProductionClasses.ALL);
    }

    @Test
    void theRuleCatchesACycle() {
        EvaluationResult result = NO_PACKAGE_CYCLES.evaluate(
                ProductionClasses.fixturePackage("nl.duoviewer.network.archfixture.cycle"));
        assertTrue(result.hasViolation(), "the rule must fail on the a -> b -> a fixture");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("archfixture.cycle.a") && report.contains("archfixture.cycle.b"), report);
    }
}
