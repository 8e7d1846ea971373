package nl.duoviewer.app.arch;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The compiled production classes of every module on the app's test class path (viewer-core, xca-client,
 * duo-network, app), imported once for all rule classes. Test classes are left out wherever they come from: the
 * app's own {@code test-classes} and viewer-core's test jar (its test support), which ArchUnit's
 * {@code DO_NOT_INCLUDE_TESTS} alone does not recognise.
 */
final class ProductionClasses {

    /** Leaves out {@code test-classes} folders and {@code -tests.jar} test jars. */
    static final ImportOption NO_TESTS = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
            && !location.matches(Pattern.compile(".*-tests\\.jar!/.*"));

    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(NO_TESTS)
            .importPackages("nl.duoviewer");

    private ProductionClasses() {
    }

    /** Test fixtures that deliberately break a rule, to show the rule can fail. */
    static JavaClasses fixtures(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    /** All fixture classes below a package (test classes included). */
    static JavaClasses fixturePackage(String name) {
        return new ClassFileImporter().importPackages(name);
    }
}
