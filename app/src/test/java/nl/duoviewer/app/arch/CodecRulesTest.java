package nl.duoviewer.app.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

import nl.duoviewer.core.codec.AbstractFrameDecoder;
import nl.duoviewer.core.codec.FrameDecoder;

/**
 * The shape of viewer-core's codecs (decision record 19): the shared API in {@code core.codec} knows no format (they
 * register as services), the format packages do not use each other except JPEG-LS using JPEG's marker syntax and bit
 * cache, and every decoder extends {@link AbstractFrameDecoder}, so no decoder can skip the frame size check
 * (decision record 18). Each rule is built for a package root, so that the same rule runs against the fixture
 * packages that break it.
 */
class CodecRulesTest {

    static final String CODEC = "nl.duoviewer.core.codec";
    static final String FIXTURE = "nl.duoviewer.core.archfixture.codec";

    static ArchRule apiKnowsNoFormat(String root) {
        return noClasses().that().resideInAPackage(root)
                .should().dependOnClassesThat().resideInAPackage(root + ".*..")
                .because("formats are found as FrameCodec services, so adding one touches no shared class");
    }

    static ArchRule formatsAreIndependent(String root) {
        return slices().matching(root + ".(*)..").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(root + ".jpegls.."), resideInAPackage(root + ".jpeg.."))
                .because("each format is a package of its own; JPEG-LS shares only JPEG's marker syntax and bit "
                        + "cache (ISO 14495-1 builds on ISO 10918-1)");
    }

    static final ArchRule EVERY_DECODER_PASSES_THE_SIZE_CHECK = classes().that().implement(FrameDecoder.class)
            .and().areNotInterfaces()
            .should().beAssignableTo(AbstractFrameDecoder.class)
            .because("AbstractFrameDecoder.decode checks the frame size before anything is allocated, once for all");

    static final ArchRule CODEC_API_KNOWS_NO_FORMAT = apiKnowsNoFormat(CODEC);
    static final ArchRule FORMATS_ARE_INDEPENDENT = formatsAreIndependent(CODEC);

    @Test
    void theCodecPackagesKeepTheirShape() {
        assertTrue(ProductionClasses.ALL.contain(CODEC + ".jpegls.JpegLsScanDecoder")
                && ProductionClasses.ALL.contain(CODEC + ".jpeg.ScanBitReader"), "the packages the rules are about");
        CODEC_API_KNOWS_NO_FORMAT.check(ProductionClasses.ALL);
        FORMATS_ARE_INDEPENDENT.check(ProductionClasses.ALL);
        EVERY_DECODER_PASSES_THE_SIZE_CHECK.check(ProductionClasses.ALL);
    }

    @Test
    void theRulesCatchAnApiThatKnowsAFormatFormatsThatUseEachOtherAndADecoderThatSkipsTheCheck() {
        JavaClasses fixture = ProductionClasses.fixturePackage(FIXTURE);
        String api = apiKnowsNoFormat(FIXTURE).evaluate(fixture).getFailureReport().toString();
        assertTrue(api.contains("RleShortcut"), api);
        String formats = formatsAreIndependent(FIXTURE).evaluate(fixture).getFailureReport().toString();
        assertTrue(formats.contains("rle") && formats.contains("jpeg2000"), formats);
        assertTrue(!formats.contains("LsMarkers"), "JPEG-LS using JPEG is the allowed exception: " + formats);
        String decoder = EVERY_DECODER_PASSES_THE_SIZE_CHECK.evaluate(fixture).getFailureReport().toString();
        assertTrue(decoder.contains("DecoderThatSkipsTheSizeCheck"), decoder);
    }
}
