package nl.duoviewer.xca.io;

import java.io.InputStream;
import java.util.Map;

/**
 * One body part of a multipart/related response. The stream is valid until the next part is requested.
 *
 * @param headers part headers, names in lower case
 * @param body    the part's bytes, capped in size
 */
public record MultipartPart(Map<String, String> headers, InputStream body) {

    public MultipartPart {
        headers = Map.copyOf(headers);
    }

    /** Content-Type of the part, empty when absent. */
    public String contentType() {
        return headers.getOrDefault("content-type", "");
    }

    /** Content-Location of the part, empty when absent. */
    public String contentLocation() {
        return headers.getOrDefault("content-location", "");
    }
}
