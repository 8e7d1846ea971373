package nl.duoviewer.network.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;

import nl.duoviewer.network.content.ContentSource;

/** Exposes a {@link ContentSource} to MTOM: CXF pulls the bytes while writing the attachment. */
final class ContentDataSource implements DataSource {

    private final ContentSource source;
    private final String contentType;
    private final String name;

    private ContentDataSource(ContentSource source, String contentType, String name) {
        this.source = source;
        this.contentType = contentType;
        this.name = name;
    }

    static DataHandler handler(ContentSource source, String contentType, String name) {
        return new DataHandler(new ContentDataSource(source, contentType, name));
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return source.open();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return name;
    }
}
