package nl.duoviewer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The format packages' codecs are found as services, cover every syntax once, and cannot replace each other. */
class FrameCodecRegistryTest {

    @Test
    void everyPixelSyntaxHasExactlyOneDecoderFromItsFormatPackage() throws FrameDecodeException {
        assertEquals(Arrays.stream(PixelSyntax.values()).map(PixelSyntax::uid).collect(Collectors.toSet()),
                FrameDecoders.supportedTransferSyntaxes());
        Map<PixelSyntax, String> packages = Map.ofEntries(
                Map.entry(PixelSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "uncompressed"),
                Map.entry(PixelSyntax.EXPLICIT_VR_BIG_ENDIAN, "uncompressed"),
                Map.entry(PixelSyntax.RLE_LOSSLESS, "rle"),
                Map.entry(PixelSyntax.JPEG_BASELINE, "jpeg"),
                Map.entry(PixelSyntax.JPEG_LOSSLESS_SV1, "jpeg"),
                Map.entry(PixelSyntax.JPEG_LS_NEAR_LOSSLESS, "jpegls"),
                Map.entry(PixelSyntax.JPEG_2000_LOSSLESS, "jpeg2000"),
                Map.entry(PixelSyntax.HTJ2K, "jpeg2000"));
        for (Map.Entry<PixelSyntax, String> e : packages.entrySet()) {
            FrameDecoder d = FrameDecoders.create(e.getKey().uid());
            assertEquals("nl.duoviewer.core.codec." + e.getValue(), d.getClass().getPackageName(), e.getKey().name());
            assertTrue(d instanceof AbstractFrameDecoder, "every decoder passes the common entry point");
        }
        assertEquals(5, FrameDecoders.codecs().size(), "one codec per format package");
    }

    @Test
    void theEncodersAreTheDemoNetworksSix() {
        assertEquals(Set.of(PixelSyntax.RLE_LOSSLESS.uid(), PixelSyntax.JPEG_LS_LOSSLESS.uid(),
                PixelSyntax.JPEG_LS_NEAR_LOSSLESS.uid(), PixelSyntax.JPEG_BASELINE.uid(),
                PixelSyntax.JPEG_2000_LOSSLESS.uid(), PixelSyntax.JPEG_2000.uid()),
                FrameEncoders.supportedTransferSyntaxes());
        assertEquals(PixelSyntax.JPEG_LS_NEAR_LOSSLESS.uid(),
                FrameEncoders.create(PixelSyntax.JPEG_LS_NEAR_LOSSLESS.uid()).transferSyntaxUid());
        assertThrows(IllegalArgumentException.class, () -> FrameEncoders.create(PixelSyntax.HTJ2K.uid()));
    }

    @Test
    void twoCodecsClaimingOneSyntaxArePackagingErrors() {
        FrameCodec a = new Claiming(PixelSyntax.RLE_LOSSLESS);
        FrameCodec b = new Claiming(PixelSyntax.RLE_LOSSLESS);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FrameDecoders.bySyntax(List.of(a, b), FrameCodec::decodes, "decode"));
        assertTrue(e.getMessage().contains("both decode RLE Lossless"), e.getMessage());
    }

    @Test
    void unknownSyntaxesHaveNoDecoder() {
        FrameDecodeException e = assertThrows(FrameDecodeException.class, () -> FrameDecoders.create("1.2.3.4"));
        assertTrue(e.getMessage().contains("no decoder"), e.getMessage());
    }

    private record Claiming(PixelSyntax syntax) implements FrameCodec {
        @Override
        public Set<PixelSyntax> decodes() {
            return Set.of(syntax);
        }

        @Override
        public FrameDecoder decoder(PixelSyntax s) {
            throw new UnsupportedOperationException();
        }
    }
}
