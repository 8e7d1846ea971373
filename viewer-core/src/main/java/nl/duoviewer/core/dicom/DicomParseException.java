package nl.duoviewer.core.dicom;

import java.io.IOException;

/**
 * The input is not DICOM, or not DICOM this reader can trust: truncated, hostile lengths, nesting too deep, a
 * deflate stream that expands past its limit. The message says what and where (byte offset and element path).
 */
public class DicomParseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public DicomParseException(String message, long offset) {
        super(withOffset(message, offset));
        this.offset = offset;
    }

    public DicomParseException(String message, long offset, Throwable cause) {
        super(withOffset(message, offset), cause);
        this.offset = offset;
    }

    private static String withOffset(String message, long offset) {
        return offset >= 0 ? message + " (at byte " + offset + ")" : message;
    }

    /** Byte offset in the input (after any decompression) where the problem was found; -1 when unknown. */
    public long offset() {
        return offset;
    }
}
