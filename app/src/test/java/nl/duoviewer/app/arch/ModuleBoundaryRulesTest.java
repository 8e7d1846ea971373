package nl.duoviewer.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

import nl.duoviewer.app.viewer.archfixture.ViewThatCallsTheClient;
import nl.duoviewer.core.archfixture.CoreClassThatReachesIntoTheUi;
import nl.duoviewer.xca.archfixture.ClientClassThatUsesJavaFx;

/**
 * Where the module boundaries run inside and below the app: JavaFX only in the app, and inside the app the screens
 * and the imaging port never touch the network client, so they depend on the app's own port and a change of client
 * touches the wiring only.
 */
class ModuleBoundaryRulesTest {

    static final ArchRule NO_JAVAFX_BELOW_THE_APP = noClasses().that()
            .resideInAnyPackage("nl.duoviewer.core..", "nl.duoviewer.xca..", "nl.duoviewer.network..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("viewer-core, xca-client and the embedded network run without a UI toolkit (dicomcheck, the "
                    + "standalone network, a future headless client); JavaFX belongs to the app");

    static final ArchRule ONLY_APP_NETWORK_TALKS_TO_THE_CLIENT = noClasses().that()
            .resideInAPackage("nl.duoviewer.app..")
            .and().resideOutsideOfPackages("nl.duoviewer.app", "nl.duoviewer.app.network..",
                    "nl.duoviewer.app.launch..", "nl.duoviewer.app.audit..", "nl.duoviewer.app.identity..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("nl.duoviewer.xca..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("nl.duoviewer.xca.identity.."))))
            .because("the screens talk to the app's imaging port, which app.network implements on the DUO client; "
                    + "only the wiring (app, app.network, app.launch, app.audit, app.identity) reads the client's "
                    + "configuration and security, "
                    + "so the client's types never reach a screen (the user's identity, a value the launch carries, "
                    + "excepted)");

    @Test
    void librariesAreFreeOfJavaFx() {
        NO_JAVAFX_BELOW_THE_APP.check(ProductionClasses.ALL);
    }

    @Test
    void theJavaFxRuleCatchesACoreOrClientClassUsingJavaFx() {
        EvaluationResult result = NO_JAVAFX_BELOW_THE_APP.evaluate(
                ProductionClasses.fixtures(CoreClassThatReachesIntoTheUi.class, ClientClassThatUsesJavaFx.class));
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("javafx.scene.control.Label"), report);
        assertTrue(report.contains("javafx.beans.property.SimpleStringProperty"), report);
    }

    @Test
    void onlyAppNetworkUsesTheClient() {
        assertTrue(ProductionClasses.ALL.get("nl.duoviewer.app.network.ConfiguredGateway")
                .getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("nl.duoviewer.xca")),
                "app.network does use the client, so the rule below has something to exclude");
        ONLY_APP_NETWORK_TALKS_TO_THE_CLIENT.check(ProductionClasses.ALL);
    }

    @Test
    void theClientRuleCatchesAnAppClassOutsideAppNetwork() {
        EvaluationResult result = ONLY_APP_NETWORK_TALKS_TO_THE_CLIENT.evaluate(
                ProductionClasses.fixtures(ViewThatCallsTheClient.class));
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("nl.duoviewer.xca.config.ConfigException"),
                result.getFailureReport().toString());
    }
}
