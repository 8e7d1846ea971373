package nl.duoviewer.xca.wado;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Frame part media types as Orthanc's DICOMweb plugin writes them (1.7, and the older spelling). */
class FrameEncodingTest {

    @Test
    void theTransferSyntaxOfAFramePartComesFromItsMediaType() {
        assertEquals(Optional.of("1.2.840.10008.1.2.1"),
                FrameEncoding.transferSyntaxOf("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"));
        assertEquals(Optional.of("1.2.840.10008.1.2.4.50"),
                FrameEncoding.transferSyntaxOf("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50"));
        assertEquals(Optional.of("1.2.840.10008.1.2.4.80"),
                FrameEncoding.transferSyntaxOf("image/jls; transfer-syntax=\"1.2.840.10008.1.2.4.80\""));
        assertEquals(Optional.of("1.2.840.10008.1.2.4.90"),
                FrameEncoding.transferSyntaxOf("image/jp2; transferSyntax=1.2.840.10008.1.2.4.90"));
        // the DICOMweb default for bare octet-stream; nothing to go on for a compressed type without the parameter
        assertEquals(Optional.of("1.2.840.10008.1.2.1"), FrameEncoding.transferSyntaxOf("application/octet-stream"));
        assertEquals(Optional.empty(), FrameEncoding.transferSyntaxOf("image/jpeg"));
        assertEquals(Optional.empty(), FrameEncoding.transferSyntaxOf(""));
    }

    @Test
    void asStoredAsksForTransferSyntaxStar() {
        assertEquals("multipart/related; type=\"application/octet-stream\"", FrameEncoding.UNCOMPRESSED.accept());
        assertEquals("multipart/related; type=\"application/octet-stream\"; transfer-syntax=*",
                FrameEncoding.AS_STORED.accept());
    }
}
