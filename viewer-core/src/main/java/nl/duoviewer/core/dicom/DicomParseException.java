package nl.duoviewer.core.dicom;

import java.io.IOException;

/**
 * The input is not DICOM, or not DICOM this reader can trust: truncated, hostile lengths, nesting too deep, a
 * deflate stream that expands past its limit. The message says what and where (byte offset and element path).
 */
public class DicomParseException extends IOException {

    private final long offset;

    public DicomParseException(String message, long offset) {
        super(offset >= 0 ? message + " (at byte " + offset + ")" : message);
        this.offset = offset;
    }

    public DicomParseException(String message, long offset, Throwable cause) {
        this(message, offset);
        initCause(cause);
    }

    /** Byte offset in the input (after any decompression) where the problem was found; -1 when unknown. */
    public long offset() {
        return offset;
    }
}
